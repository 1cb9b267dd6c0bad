import { EVENT_PAGE_SIZE_DEFAULT, EVENT_PAGE_SIZE_MAX } from '../../upstreams/street-manager/v6-assumptions';
import { label } from '../responses/labels';
import { SmError, type SandboxContext } from '../sandbox-context';
import { dateParam, list, numberParam, single } from './route-helpers';

/**
 * Event API (`/v6/event`): the cursor-paged work-update feed that replaced the Reporting API's `/works/updates`,
 * and push-notification subscriptions. Every change recorded in SandboxState (recordChange) is in the feed.
 */
export function registerEventRoutes(ctx: SandboxContext): void {
  const { state } = ctx;
  let subscriptionSequence = 0;

  ctx.route('GET', 'event', '/works/updates', 'data', (req) => {
    const q = req.query;
    const updateId = numberParam(q.update_id, 'update_id');
    const from = dateParam(q.start_date, 'start_date');
    const to = dateParam(q.end_date, 'end_date');
    if (updateId === undefined && from === undefined && to === undefined) {
      throw new SmError(400, 'One of update_id, start_date or end_date is required');
    }
    const pageSize = numberParam(q.page_size, 'page_size') ?? EVENT_PAGE_SIZE_DEFAULT;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > EVENT_PAGE_SIZE_MAX) {
      throw new SmError(400, `page_size must be an integer from 1 to ${EVENT_PAGE_SIZE_MAX}`);
    }
    const swa = single(q.swa_code);
    const prefixes = list(q.workstream_prefix);
    const excluded = single(q.exclude_events_from);
    const org = req.user.organisation;
    const rows = [];
    let more = false;
    for (const u of state.updates) {
      if (
        (updateId !== undefined && u.updateId <= updateId) ||
        (from !== undefined && Date.parse(u.at) < from) ||
        (to !== undefined && Date.parse(u.at) > to)
      ) {
        continue;
      }
      const work = state.works.get(u.workReference)!;
      if (
        !state.canSee(org, work) ||
        (swa && work.promoterSwa !== swa && work.haSwa !== swa) ||
        (prefixes && !prefixes.includes(work.workstreamPrefix))
      ) {
        continue;
      }
      if (excluded && u.username === excluded) {
        continue;
      }
      if (rows.length === pageSize) {
        more = true;
        break;
      }
      rows.push({
        work_reference_number: u.workReference,
        update_date_time: u.at,
        update_id: u.updateId,
        event_type: u.eventType,
        event_type_string: label(u.eventType),
        object_type: u.objectType,
        object_type_string: label(u.objectType),
        object_reference_number: u.objectReference,
        parent_object_reference_number: u.parentObjectReference,
      });
    }
    // next_update: where to read on when more rows are waiting; null once the feed is drained (V6-A9).
    return { status: 200, body: { rows, next_update: more ? rows[rows.length - 1].update_id : null } };
  });

  ctx.route('POST', 'event', '/api-notifications/subscribe', 'data', (req) => {
    const body = req.body as { api_endpoint: string; subscription_description?: string | null };
    if (body.api_endpoint.length > 2048 || !/^https?:\/\//.test(body.api_endpoint)) {
      throw new SmError(400, 'api_endpoint must be a URL of at most 2048 characters');
    }
    // A sequence, not the map's size: a reference freed by an unsubscribe is never handed out again.
    const reference = `SUB${String(++subscriptionSequence).padStart(6, '0')}`;
    state.subscriptions.set(reference, {
      reference,
      organisationSwa: req.user.organisation.swaCode,
      endpoint: body.api_endpoint,
      description: body.subscription_description ?? null,
      createdAt: new Date().toISOString(),
    });
    return { status: 201, body: { subscription_reference_number: reference } };
  });

  ctx.route('POST', 'event', '/api-notifications/unsubscribe', 'data', (req) => {
    const reference = (req.body as { subscription_reference_number?: string | null })
      .subscription_reference_number;
    const own = [...state.subscriptions.values()].filter(
      (s) => s.organisationSwa === req.user.organisation.swaCode,
    );
    if (reference) {
      if (!own.some((s) => s.reference === reference)) {
        throw new SmError(404, 'Subscription not found');
      }
      state.subscriptions.delete(reference);
    } else {
      own.forEach((s) => state.subscriptions.delete(s.reference));
    }
    return { status: 204 };
  });
}
