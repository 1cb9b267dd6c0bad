import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteConfig, SandboxContext } from '../sandbox-context';
import { smErrorBody } from '../sandbox-context';
import { organisationBySwa } from '../data/organisations';
import { activePermit } from '../responses/work-api.responses';
import type { FaultRule } from '../sandbox-faults';

/*
 * Admin API on the sandbox origin (no token; loopback only):
 *   POST   /__admin/faults       body FaultRule (see sandbox-faults.ts): { api?: 'work'|'reporting'|'party'|'lookup'|
 *                                'geojson'|'event'|'worklist'|'inner'|'all' (default 'all'), latencyMs?, errorRate? (0..1, counter-based:
 *                                0.5 fails the 1st, 3rd, 5th... call), errorNext?, errorStatus? (default 503),
 *                                rateLimit?: { count, retryAfterSeconds }, authOutage?, malformed?: 'not-json'|
 *                                'truncated'|'wrong-type'|'missing-field', unauthorizedNext?, forbidNext? }
 *                                One rule per api; posting again for the same api replaces it. Answers { faults }.
 *   GET    /__admin/faults       the active rules
 *   DELETE /__admin/faults       clears every rule (204)
 *   GET    /__admin/stats        { authentications, failedAuthentications, refreshes, logouts, innerTokensIssued,
 *                                requests: { work, reporting, party, lookup, geojson, event, worklist, inner, token },
 *                                contractViolations }
 *   POST   /__admin/stats/reset  zeroes the counters (204)
 *   PATCH  /__admin/works/:wrn   body { workStatus?, permitStatus? } (any text, so a value from a later Street
 *                                Manager release can be tried): sets the work's and its active permit's status as
 *                                Street Manager's support desk would; recorded in the Event API feed. Answers 204.
 */
const TARGETS = ['work', 'reporting', 'party', 'lookup', 'geojson', 'event', 'worklist', 'inner', 'all'];
const MALFORMED = ['not-json', 'truncated', 'wrong-type', 'missing-field'];

export function registerAdminRoutes(ctx: SandboxContext): void {
  const { app, faults, stats, auth, state } = ctx;
  const config = (template: string): RouteConfig => ({ api: 'admin', kind: 'admin', template });

  app.route({
    method: 'POST',
    url: '/__admin/faults',
    config: config('/faults'),
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      const rule = (request.body ?? {}) as FaultRule;
      const problem = validate(rule);
      if (problem) {
        return reply.code(400).send(smErrorBody(400, problem));
      }
      faults.set(rule, auth.currentSequence);
      return reply.code(200).send({ faults: faults.list() });
    },
  });
  app.route({
    method: 'GET',
    url: '/__admin/faults',
    config: config('/faults'),
    handler: () => Promise.resolve({ faults: faults.list() }),
  });
  app.route({
    method: 'DELETE',
    url: '/__admin/faults',
    config: config('/faults'),
    handler: (_request: FastifyRequest, reply: FastifyReply) => {
      faults.clear();
      return reply.code(204).send();
    },
  });
  app.route({
    method: 'PATCH',
    url: '/__admin/works/:workReferenceNumber',
    config: config('/works/{workReferenceNumber}'),
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      const work = state.works.get((request.params as { workReferenceNumber: string }).workReferenceNumber);
      const body = (request.body ?? {}) as { workStatus?: unknown; permitStatus?: unknown };
      const text = (v: unknown) => v === undefined || (typeof v === 'string' && /^[a-z0-9_]{1,60}$/.test(v));
      if (!work) {
        return reply.code(404).send(smErrorBody(404, 'Work not found'));
      }
      if (!text(body.workStatus) || !text(body.permitStatus)) {
        return reply.code(400).send(smErrorBody(400, 'workStatus and permitStatus must be lower-case words'));
      }
      const permit = activePermit(work);
      work.status = (body.workStatus as string | undefined) ?? work.status;
      if (permit && body.permitStatus !== undefined) {
        permit.status = body.permitStatus as string;
      }
      const admin = organisationBySwa(work.haSwa)!;
      state.recordEvent(
        work,
        'support_desk_action',
        permit && body.permitStatus !== undefined ? 'permit' : 'work',
        permit?.reference ?? work.reference,
        {
          email: 'support-desk@street-manager.sandbox',
          organisation: admin,
        },
      );
      state.version += 1;
      return reply.code(204).send();
    },
  });
  app.route({
    method: 'GET',
    url: '/__admin/stats',
    config: config('/stats'),
    handler: () => Promise.resolve(stats.toJSON()),
  });
  app.route({
    method: 'POST',
    url: '/__admin/stats/reset',
    config: config('/stats/reset'),
    handler: (_request: FastifyRequest, reply: FastifyReply) => {
      stats.reset();
      return reply.code(204).send();
    },
  });
}

function validate(rule: FaultRule): string | undefined {
  if (typeof rule !== 'object' || rule === null || Array.isArray(rule)) {
    return 'the body must be a JSON object';
  }
  if (rule.api !== undefined && !TARGETS.includes(rule.api)) {
    return `api must be one of ${TARGETS.join(', ')}`;
  }
  if (
    rule.errorRate !== undefined &&
    !(typeof rule.errorRate === 'number' && rule.errorRate >= 0 && rule.errorRate <= 1)
  ) {
    return 'errorRate must be a number from 0 to 1';
  }
  if (rule.malformed !== undefined && !MALFORMED.includes(rule.malformed)) {
    return `malformed must be one of ${MALFORMED.join(', ')}`;
  }
  for (const key of ['latencyMs', 'errorNext', 'unauthorizedNext', 'forbidNext'] as const) {
    const v = rule[key];
    if (v !== undefined && !(Number.isInteger(v) && v >= 0)) {
      return `${key} must be a non-negative integer`;
    }
  }
  if (
    rule.errorStatus !== undefined &&
    !(Number.isInteger(rule.errorStatus) && rule.errorStatus >= 400 && rule.errorStatus <= 599)
  ) {
    return 'errorStatus must be an HTTP error status';
  }
  if (
    rule.rateLimit !== undefined &&
    !(Number.isInteger(rule.rateLimit?.count) && Number.isInteger(rule.rateLimit?.retryAfterSeconds))
  ) {
    return 'rateLimit needs integer count and retryAfterSeconds';
  }
  return undefined;
}
