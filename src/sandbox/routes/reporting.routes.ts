import { organisationBySwa } from '../data/organisations';
import type { PermitRecord, WorkRecord } from '../data/records';
import { label, streetOf } from '../responses/labels';
import {
  activePermit,
  activitySummary,
  forwardPlanSummary,
  section81Summary,
} from '../responses/work-api.responses';
import { SmError, type Query, type RequestInfo, type SandboxContext } from '../sandbox-context';
import type { SandboxState } from '../sandbox-state';
import { REPORTING_PAGE_SIZE, REPORTING_TOTAL_ROWS_CAP } from '../../upstreams/street-manager/v6-assumptions';
import { bool, dateParam, list, numberParam, single } from './route-helpers';

export const PAGE_SIZE = REPORTING_PAGE_SIZE;
/** Street Manager stops counting at 501: "501 or more". */
export const TOTAL_ROWS_CAP = REPORTING_TOTAL_ROWS_CAP;
/** `GET /reporting/works` is a search, not a list: one answer of at most this many rows (V6-A5). */
const WORK_SEARCH_LIMIT = 50;

interface Row {
  work: WorkRecord | undefined;
  body: Record<string, unknown>;
  sort: Record<string, string>;
}

/**
 * Reporting API (`/v6/reporting`): paged lists limited to what the user's organisation may see. The work-update
 * feed moved to the Event API (event.routes.ts).
 */
export function registerReportingRoutes(ctx: SandboxContext): void {
  const { state } = ctx;

  const paged = (
    template: string,
    sortColumns: string[],
    defaultSort: string,
    build: (req: RequestInfo) => Row[],
  ) =>
    ctx.route('GET', 'reporting', template, 'data', (req) => {
      const offset = numberParam(req.query.offset, 'offset') ?? 0;
      if (!Number.isInteger(offset) || offset < 0) {
        throw new SmError(400, 'offset must be a non-negative integer');
      }
      const column = single(req.query.sort_column) ?? defaultSort;
      if (sortColumns.length > 0 && !sortColumns.includes(column)) {
        throw new SmError(400, `sort_column must be one of ${sortColumns.join(', ')}`);
      }
      const direction = single(req.query.sort_direction) ?? 'desc';
      if (direction !== 'asc' && direction !== 'desc') {
        throw new SmError(400, 'sort_direction must be asc or desc');
      }
      const rows = build(req);
      const sign = direction === 'asc' ? 1 : -1;
      rows.sort((a, b) => {
        const x = a.sort[column] ?? '';
        const y = b.sort[column] ?? '';
        return x < y ? -sign : x > y ? sign : 0;
      });
      // total_rows is counted only when asked for (V6-A4); otherwise it is 0 and has_next_page is what pages.
      const counted = bool(req.query.include_total_count) === true;
      return {
        status: 200,
        body: {
          pagination: {
            has_next_page: offset + PAGE_SIZE < rows.length,
            total_rows: counted ? Math.min(rows.length, TOTAL_ROWS_CAP) : 0,
          },
          rows: rows.slice(offset, offset + PAGE_SIZE).map((r) => r.body),
        },
      };
    });

  paged(
    '/permits',
    ['date_created', 'deadline_date', 'end_date', 'start_date', 'status_changed_date'],
    'date_created',
    (req) => {
      const q = req.query;
      const status = list(q.status);
      const workStatus = list(q.work_status);
      const category = list(q.work_category);
      const activeOnly = bool(q.active_permit_only);
      const [from, to] = [dateParam(q.start_date, 'start_date'), dateParam(q.end_date, 'end_date')];
      const [createdFrom, createdTo] = [
        dateParam(q.start_date_created, 'start_date_created'),
        dateParam(q.end_date_created, 'end_date_created'),
      ];
      const trafficSensitive = bool(q.is_traffic_sensitive);
      const rows: Row[] = [];
      for (const work of visibleWorks(state, req)) {
        const active = activePermit(work);
        for (const p of work.permits) {
          if (
            (status && !status.includes(p.status)) ||
            (workStatus && !workStatus.includes(work.status)) ||
            (category && !category.includes(p.category)) ||
            (activeOnly && p !== active) ||
            !overlaps(p.proposedStart, p.proposedEnd, from, to) ||
            !within(p.dateCreated, createdFrom, createdTo) ||
            (trafficSensitive !== undefined && streetOf(state, work).trafficSensitive !== trafficSensitive) ||
            !matchesReferences(q, state, work, 'permit_reference_number', p.reference)
          ) {
            continue;
          }
          rows.push({
            work,
            body: permitRow(state, work, p, p === active),
            sort: {
              date_created: p.dateCreated,
              deadline_date: p.deadline,
              end_date: p.proposedEnd,
              start_date: p.proposedStart,
              status_changed_date: p.statusChanged,
            },
          });
        }
      }
      return rows;
    },
  );

  paged(
    '/alterations',
    ['date_created', 'proposed_start_date', 'proposed_end_date', 'status_changed_date'],
    'date_created',
    (req) => {
      const q = req.query;
      const status = list(q.alteration_status);
      const type = list(q.alteration_type);
      const workStatus = list(q.work_status);
      const category = list(q.work_category);
      const [createdFrom, createdTo] = [
        dateParam(q.start_date_created, 'start_date_created'),
        dateParam(q.end_date_created, 'end_date_created'),
      ];
      const rows: Row[] = [];
      for (const work of visibleWorks(state, req)) {
        const street = streetOf(state, work);
        for (const p of work.permits) {
          for (const a of p.alterations) {
            if (
              (status && !status.includes(a.status)) ||
              (type && !type.includes(a.type)) ||
              (workStatus && !workStatus.includes(work.status)) ||
              (category && !category.includes(p.category)) ||
              !within(a.dateCreated, createdFrom, createdTo) ||
              !matchesReferences(q, state, work, 'permit_alteration_reference_number', a.reference)
            ) {
              continue;
            }
            rows.push({
              work,
              body: {
                work_reference_number: work.reference,
                permit_reference_number: p.reference,
                alteration_reference_number: a.reference,
                street: street.name,
                town: street.town,
                area: street.area,
                location_description: p.locationDescription,
                highway_authority: orgName(work.haSwa),
                promoter: orgName(work.promoterSwa),
                work_status: work.status,
                work_status_string: label(work.status),
                proposed_start_date: a.proposedStart,
                proposed_end_date: a.proposedEnd,
                proposed_start_time: null,
                proposed_end_time: null,
                work_category: p.category,
                work_category_string: label(p.category),
                alteration_status: a.status,
                alteration_status_string: label(a.status),
                alteration_type: a.type,
                alteration_type_string: label(a.type),
                date_created: a.dateCreated,
                deadline_date: a.deadline,
                status_changed_date: a.statusChanged,
                lane_rental_assessment_outcome: null,
                lane_rental_assessment_outcome_string: null,
                lane_rental_charges_not_agreed: false,
                lane_rental_charges_potentially_apply: p.laneRental,
              },
              sort: {
                date_created: a.dateCreated,
                proposed_start_date: a.proposedStart,
                proposed_end_date: a.proposedEnd,
                status_changed_date: a.statusChanged,
              },
            });
          }
        }
      }
      return rows;
    },
  );

  paged('/fixed-penalty-notices', ['issue_date_time', 'status_changed_date'], 'issue_date_time', (req) => {
    const q = req.query;
    const status = list(q.status);
    const offence = list(q.offence_code);
    const [from, to] = [dateParam(q.start_date, 'start_date'), dateParam(q.end_date, 'end_date')];
    return visibleWorks(state, req).flatMap((work) =>
      work.fpns
        .filter(
          (f) =>
            (!status || status.includes(f.status)) &&
            (!offence || offence.includes(f.offenceCode)) &&
            within(f.issueDate, from, to) &&
            matchesReferences(q, state, work),
        )
        .map((f) => ({
          work,
          body: {
            fpn_reference_number: f.reference,
            work_reference_number: work.reference,
            promoter: orgName(work.promoterSwa),
            highway_authority: orgName(work.haSwa),
            offence_code: f.offenceCode,
            offence_code_string: label(f.offenceCode),
            street_name: streetOf(state, work).name,
            issue_date: f.issueDate,
            status: f.status,
            status_string: label(f.status),
            status_changed_date: f.statusChanged,
          },
          sort: { issue_date_time: f.issueDate, status_changed_date: f.statusChanged },
        })),
    );
  });

  paged('/comments', [], 'date_created', (req) => {
    const q = req.query;
    const topic = list(q.topic);
    const internal = bool(q.is_internal);
    const read = bool(q.is_read);
    const notRead = bool(q.is_not_read);
    const [from, to] = [
      dateParam(q.date_created_from, 'date_created_from'),
      dateParam(q.date_created_to, 'date_created_to'),
    ];
    return visibleWorks(state, req).flatMap((work) =>
      work.comments
        .filter(
          (c) =>
            (!topic || topic.includes(c.topic)) &&
            (internal === undefined || c.isInternal === internal) &&
            (!read || c.readOn !== null) &&
            (!notRead || c.readOn === null) &&
            within(c.dateCreated, from, to) &&
            // internal comments stay inside the organisation that wrote them
            (!c.isInternal || c.authorSwa === req.user.organisation.swaCode),
        )
        .map((c) => ({
          work,
          body: {
            work_reference_number: work.reference,
            topic: c.topic,
            topic_string: label(c.topic),
            author_email_address: c.authorEmail,
            author_organisation_reference: c.authorSwa,
            detail: c.detail,
            date_created: c.dateCreated,
            comment_reference_number: c.reference,
            is_read: c.readOn !== null,
            read_on: c.readOn,
            read_by: c.readBy,
            is_internal: c.isInternal,
          },
          sort: { date_created: c.dateCreated },
        })),
    );
  });

  paged('/inspections', ['inspection_date'], 'inspection_date', (req) => {
    const q = req.query;
    const type = list(q.inspection_type);
    const outcome = list(q.inspection_outcome);
    const category = list(q.inspection_category);
    const [from, to] = [dateParam(q.start_date, 'start_date'), dateParam(q.end_date, 'end_date')];
    const [createdFrom, createdTo] = [
      dateParam(q.start_date_created, 'start_date_created'),
      dateParam(q.end_date_created, 'end_date_created'),
    ];
    return visibleWorks(state, req).flatMap((work) => {
      const street = streetOf(state, work);
      return work.inspections
        .filter(
          (i) =>
            (!type || type.includes(i.type)) &&
            (!outcome || outcome.includes(i.outcome)) &&
            (!category || (i.category !== null && category.includes(i.category))) &&
            within(i.startDate, from, to) &&
            within(i.dateCreated, createdFrom, createdTo) &&
            matchesReferences(q, state, work),
        )
        .map((i) => ({
          work,
          body: {
            inspection_date: i.startDate,
            work_reference_number: work.reference,
            location_description: work.locationDescription,
            street: street.name,
            town: street.town,
            area: street.area,
            inspection_reference_number: i.reference,
            inspection_type: i.type,
            inspection_type_string: label(i.type),
            inspection_category: i.category,
            inspection_category_string: i.category === null ? null : label(i.category),
            inspection_outcome: i.outcome,
            inspection_outcome_string: label(i.outcome),
            highway_authority: orgName(work.haSwa),
            promoter_organisation: orgName(work.promoterSwa),
            made_safe_by_ha: null,
            date_created: i.dateCreated,
            inspection_status: i.status,
            inspection_status_string: label(i.status),
            date_modified: i.dateModified,
          },
          sort: { inspection_date: i.startDate },
        }));
    });
  });

  paged('/forward-plans', [], 'date_created', (req) => {
    const q = req.query;
    const status = list(q.forward_plan_status);
    const [from, to] = [
      dateParam(q.proposed_start_date, 'proposed_start_date'),
      dateParam(q.proposed_end_date, 'proposed_end_date'),
    ];
    return visibleWorks(state, req).flatMap((work) =>
      work.forwardPlans
        .filter(
          (f) =>
            (!status || status.includes(f.status)) &&
            overlaps(f.start, f.end, from, to) &&
            matchesReferences(q, state, work, 'forward_plan_reference_number', f.reference),
        )
        .map((f) => ({
          work,
          body: forwardPlanSummary(state, work, f),
          sort: { date_created: f.dateCreated, proposed_start_date: f.start, proposed_end_date: f.end },
        })),
    );
  });

  paged('/section-81s', ['status_changed_date'], 'status_changed_date', (req) => {
    const q = req.query;
    const status = list(q.section_81_status);
    const severity = list(q.section_81_severity);
    const s81Type = list(q.section_81_type);
    return visibleWorks(state, req).flatMap((work) =>
      work.section81s
        .filter(
          (s) =>
            (!status || status.includes(s.status)) &&
            (!severity || severity.includes(s.severity)) &&
            (!s81Type || s81Type.includes(s.type)) &&
            matchesReferences(q, state, work, 'section_81_reference_number', s.reference),
        )
        .map((s) => ({
          work,
          body: section81Summary(state, work, s),
          sort: { status_changed_date: s.statusChanged },
        })),
    );
  });

  // A search by reference, not a list (V6-A5): reference prefix and organisation, one unpaged answer.
  ctx.route('GET', 'reporting', '/works', 'data', (req) => {
    const reference = single(req.query.work_reference_number)?.toUpperCase();
    const rows = [];
    for (const work of visibleWorks(state, req)) {
      if (reference && !work.reference.toUpperCase().startsWith(reference)) {
        continue;
      }
      const street = streetOf(state, work);
      const permit = activePermit(work);
      rows.push({
        work_reference_number: work.reference,
        location_description: work.locationDescription,
        street: street.name,
        town: street.town,
        area: street.area,
        work_status: work.status,
        work_status_string: label(work.status),
        work_start_date: work.actualStart ?? permit?.proposedStart ?? work.dateCreated,
        work_end_date: work.actualEnd ?? permit?.proposedEnd ?? work.dateCreated,
        work_start_time: null,
        work_end_time: null,
      });
      if (rows.length === WORK_SEARCH_LIMIT) {
        break;
      }
    }
    return { status: 200, body: { rows } };
  });

  // Activities (skips, scaffolding, events...): an authority sees its own, anyone else all of them (V6-A6).
  paged('/activities', ['date_created'], 'date_created', (req) => {
    const q = req.query;
    const types = list(q.activity_activity_type);
    const haName = single(q.ha_organisation_name)?.toLowerCase();
    const text = single(q.query)?.toLowerCase();
    const org = req.user.organisation;
    const rows: Row[] = [];
    for (const a of state.activities.values()) {
      const ha = orgName(a.haSwa);
      const street = streetOf(state, a);
      if (
        (org.type === 'highway_authority' && a.haSwa !== org.swaCode) ||
        (types && !types.includes(a.activityType)) ||
        (haName && !ha.toLowerCase().includes(haName)) ||
        (text &&
          !a.reference.toLowerCase().includes(text) &&
          !a.name.toLowerCase().includes(text) &&
          !street.name.toLowerCase().includes(text))
      ) {
        continue;
      }
      rows.push({
        work: undefined,
        body: activitySummary(state, a),
        sort: { date_created: a.dateCreated },
      });
    }
    return rows;
  });
}

function orgName(swa: string): string {
  return organisationBySwa(swa)?.name ?? swa;
}

function visibleWorks(state: SandboxState, req: RequestInfo): WorkRecord[] {
  const org = req.user.organisation;
  const swa = single(req.query.swa_code);
  return state.workList.filter(
    (w) => state.canSee(org, w) && (!swa || w.promoterSwa === swa || w.haSwa === swa),
  );
}

function within(iso: string, from: number | undefined, to: number | undefined): boolean {
  const t = Date.parse(iso);
  return (from === undefined || t >= from) && (to === undefined || t <= to);
}

function overlaps(start: string, end: string, from: number | undefined, to: number | undefined): boolean {
  return (from === undefined || Date.parse(end) >= from) && (to === undefined || Date.parse(start) <= to);
}

/**
 * V6 dropped the free-text `query` of the reporting lists for precise filters: `work_reference_number` (the work's
 * reference contains it), `street_descriptor` (the street name contains it), `usrn` (exact), `organisation` (the
 * other party's SWA code) and the list's own object reference (contains).
 */
function matchesReferences(
  q: Query,
  state: SandboxState,
  work: WorkRecord,
  objectParam?: string,
  objectReference?: string,
): boolean {
  const contains = (value: string, param: string | undefined) =>
    !param || value.toLowerCase().includes(param.toLowerCase());
  const usrn = single(q.usrn);
  const organisation = single(q.organisation);
  return (
    contains(work.reference, single(q.work_reference_number)) &&
    contains(streetOf(state, work).name, single(q.street_descriptor)) &&
    (!usrn || String(work.usrn) === usrn) &&
    (!organisation || work.promoterSwa === organisation || work.haSwa === organisation) &&
    (!objectParam || objectReference === undefined || contains(objectReference, single(q[objectParam])))
  );
}

function permitRow(
  state: SandboxState,
  work: WorkRecord,
  p: PermitRecord,
  isActive: boolean,
): Record<string, unknown> {
  const street = streetOf(state, work);
  return {
    work_reference_number: work.reference,
    permit_reference_number: p.reference,
    promoter_swa_code: work.promoterSwa,
    promoter_organisation: orgName(work.promoterSwa),
    highway_authority: orgName(work.haSwa),
    works_coordinates: work.geometry,
    location_description: p.locationDescription,
    street: street.name,
    town: street.town,
    area: street.area,
    work_category: p.category,
    work_category_string: label(p.category),
    description_of_work: p.description,
    traffic_management_type: p.trafficManagementType,
    traffic_management_type_string: label(p.trafficManagementType),
    assessment_status: p.assessmentStatus,
    assessment_status_string: p.assessmentStatus === null ? null : label(p.assessmentStatus),
    proposed_start_date: p.proposedStart,
    proposed_end_date: p.proposedEnd,
    proposed_start_time: null,
    proposed_end_time: null,
    actual_start_date: p.actualStart,
    actual_end_date: p.actualStop,
    status: p.status,
    status_string: label(p.status),
    work_status: work.status,
    work_status_string: label(work.status),
    deadline_date: p.deadline,
    date_created: p.dateCreated,
    status_changed_date: p.statusChanged,
    usrn: work.usrn,
    is_active_permit: isActive,
    permit_conditions: [],
    road_category: street.roadCategory,
    is_traffic_sensitive: street.trafficSensitive,
    has_no_final_reinstatement: work.status === 'completed',
    is_deemed: p.isDeemed,
    excavation_carried_out: p.excavation && p.actualStart !== null,
    is_early_start: p.isEarlyStart,
    is_high_impact_traffic_management: p.trafficManagementType === 'road_closure',
    is_lane_rental: p.laneRental,
    activity_type: p.activityType,
    activity_type_string: label(p.activityType),
    lane_rental_assessment_outcome: null,
    lane_rental_assessment_outcome_string: null,
    lane_rental_charges_not_agreed: false,
    lane_rental_charges_potentially_apply: p.laneRental,
  };
}
