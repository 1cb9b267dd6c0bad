import { organisationBySwa } from '../data/organisations';
import type { PermitRecord, WorkRecord } from '../data/records';
import { label, streetOf } from '../responses/labels';
import { activePermit, forwardPlanSummary, section81Summary } from '../responses/work-api.responses';
import { SmError, type Query, type RequestInfo, type SandboxContext } from '../sandbox-context';
import type { SandboxState } from '../sandbox-state';
import { bool, dateParam, list, numberParam, single } from './route-helpers';

export const PAGE_SIZE = 25;
/** Street Manager stops counting at 501: "501 or more". */
export const TOTAL_ROWS_CAP = 501;
const UPDATES_LIMIT = 500;

interface Row {
  work: WorkRecord;
  body: Record<string, unknown>;
  sort: Record<string, string>;
}

/** Reporting API (`/v3/reporting`): paged lists limited to what the user's organisation may see, and polling. */
export function registerReportingRoutes(ctx: SandboxContext): void {
  const { state } = ctx;

  const paged = (template: string, sortColumns: string[], defaultSort: string, build: (req: RequestInfo) => Row[]) =>
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
      return {
        status: 200,
        body: {
          pagination: { has_next_page: offset + PAGE_SIZE < rows.length, total_rows: Math.min(rows.length, TOTAL_ROWS_CAP) },
          rows: rows.slice(offset, offset + PAGE_SIZE).map((r) => r.body),
        },
      };
    });

  paged('/permits', ['date_created', 'deadline_date', 'end_date', 'start_date', 'status_changed_date'], 'date_created', (req) => {
    const q = req.query;
    const status = list(q.status);
    const workStatus = list(q.work_status);
    const category = list(q.work_category);
    const activeOnly = bool(q.active_permit_only);
    const [from, to] = [dateParam(q.start_date, 'start_date'), dateParam(q.end_date, 'end_date')];
    const [createdFrom, createdTo] = [dateParam(q.start_date_created, 'start_date_created'), dateParam(q.end_date_created, 'end_date_created')];
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
          !matchesQuery(q, work, p.reference, state)
        ) {
          continue;
        }
        rows.push({
          work,
          body: permitRow(state, work, p, p === active),
          sort: { date_created: p.dateCreated, deadline_date: p.deadline, end_date: p.proposedEnd, start_date: p.proposedStart, status_changed_date: p.statusChanged },
        });
      }
    }
    return rows;
  });

  paged('/alterations', ['date_created', 'proposed_start_date', 'proposed_end_date', 'status_changed_date'], 'date_created', (req) => {
    const q = req.query;
    const status = list(q.alteration_status);
    const type = list(q.alteration_type);
    const workStatus = list(q.work_status);
    const category = list(q.work_category);
    const [createdFrom, createdTo] = [dateParam(q.start_date_created, 'start_date_created'), dateParam(q.end_date_created, 'end_date_created')];
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
            !matchesQuery(q, work, a.reference, state)
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
            sort: { date_created: a.dateCreated, proposed_start_date: a.proposedStart, proposed_end_date: a.proposedEnd, status_changed_date: a.statusChanged },
          });
        }
      }
    }
    return rows;
  });

  paged('/fixed-penalty-notices', ['issue_date_time', 'status_changed_date'], 'issue_date_time', (req) => {
    const q = req.query;
    const status = list(q.status);
    const offence = list(q.offence_code);
    const [from, to] = [dateParam(q.start_date, 'start_date'), dateParam(q.end_date, 'end_date')];
    return visibleWorks(state, req).flatMap((work) =>
      work.fpns
        .filter((f) => (!status || status.includes(f.status)) && (!offence || offence.includes(f.offenceCode)) && within(f.issueDate, from, to) && matchesQuery(q, work, f.reference))
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
    const [from, to] = [dateParam(q.date_created_from, 'date_created_from'), dateParam(q.date_created_to, 'date_created_to')];
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
    const responseType = list(q.inspection_response_type);
    const [from, to] = [dateParam(q.start_date, 'start_date'), dateParam(q.end_date, 'end_date')];
    const [createdFrom, createdTo] = [dateParam(q.start_date_created, 'start_date_created'), dateParam(q.end_date_created, 'end_date_created')];
    return visibleWorks(state, req).flatMap((work) => {
      const street = streetOf(state, work);
      return work.inspections
        .filter(
          (i) =>
            (!type || type.includes(i.type)) &&
            (!outcome || outcome.includes(i.outcome)) &&
            (!responseType || responseType.includes(i.isReinspection ? 'reinspection' : 'inspection')) &&
            within(i.startDate, from, to) &&
            within(i.dateCreated, createdFrom, createdTo) &&
            matchesQuery(q, work, i.reference),
        )
        .map((i) => ({
          work,
          body: {
            inspection_date: i.startDate,
            inspection_response_type: i.isReinspection ? 'reinspection' : 'inspection',
            inspection_response_type_string: i.isReinspection ? 'Reinspection' : 'Inspection',
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
            reinspection_date_time: i.reinspectionDate,
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
    const [from, to] = [dateParam(q.proposed_start_date, 'proposed_start_date'), dateParam(q.proposed_end_date, 'proposed_end_date')];
    return visibleWorks(state, req).flatMap((work) =>
      work.forwardPlans
        .filter((f) => (!status || status.includes(f.status)) && overlaps(f.start, f.end, from, to) && matchesQuery(q, work, f.reference))
        .map((f) => ({ work, body: forwardPlanSummary(state, work, f), sort: { date_created: f.dateCreated, proposed_start_date: f.start, proposed_end_date: f.end } })),
    );
  });

  paged('/section-81s', ['status_changed_date'], 'status_changed_date', (req) => {
    const q = req.query;
    const status = list(q.section_81_status);
    const severity = list(q.section_81_severity);
    return visibleWorks(state, req).flatMap((work) =>
      work.section81s
        .filter((s) => (!status || status.includes(s.status)) && (!severity || severity.includes(s.severity)) && matchesQuery(q, work, s.reference))
        .map((s) => ({ work, body: section81Summary(state, work, s), sort: { status_changed_date: s.statusChanged } })),
    );
  });

  ctx.route('GET', 'reporting', '/works/updates', 'data', (req) => {
    const q = req.query;
    const updateId = numberParam(q.update_id, 'update_id');
    const previousMinutes = numberParam(q.previous_minutes, 'previous_minutes');
    let from = dateParam(q.start_date, 'start_date');
    let to = dateParam(q.end_date, 'end_date');
    if (previousMinutes !== undefined) {
      to = Date.now();
      from = to - previousMinutes * 60_000;
    }
    if (updateId === undefined && from === undefined && to === undefined) {
      throw new SmError(400, 'One of start_date and end_date, previous_minutes or update_id is required');
    }
    const swa = single(q.swa_code);
    const prefixes = list(q.workstream_prefix);
    const excluded = single(q.exclude_events_from);
    const org = req.user.organisation;
    const rows = [];
    for (const u of state.updates) {
      if ((updateId !== undefined && u.updateId <= updateId) || !within(u.at, from, to)) {
        continue;
      }
      const work = state.works.get(u.workReference)!;
      if (!state.canSee(org, work) || (swa && work.promoterSwa !== swa && work.haSwa !== swa) || (prefixes && !prefixes.includes(work.workstreamPrefix))) {
        continue;
      }
      if (excluded && work.history.find((h) => h.updateId === u.updateId)?.username === excluded) {
        continue;
      }
      rows.push({
        work_reference_number: u.workReference,
        update_date_time: u.at,
        update_id: u.updateId,
        event_type: u.eventType,
        event_type_string: label(u.eventType),
        object_type: u.objectType,
        object_type_string: label(u.objectType),
      });
      if (rows.length >= UPDATES_LIMIT) {
        break;
      }
    }
    return { status: 200, body: rows };
  });
}

function orgName(swa: string): string {
  return organisationBySwa(swa)?.name ?? swa;
}

function visibleWorks(state: SandboxState, req: RequestInfo): WorkRecord[] {
  const org = req.user.organisation;
  const swa = single(req.query.swa_code);
  return state.workList.filter((w) => state.canSee(org, w) && (!swa || w.promoterSwa === swa || w.haSwa === swa));
}

function within(iso: string, from: number | undefined, to: number | undefined): boolean {
  const t = Date.parse(iso);
  return (from === undefined || t >= from) && (to === undefined || t <= to);
}

function overlaps(start: string, end: string, from: number | undefined, to: number | undefined): boolean {
  return (from === undefined || Date.parse(end) >= from) && (to === undefined || Date.parse(start) <= to);
}

// Street Manager's free-text `query` searches references, the street name and the USRN.
function matchesQuery(q: Query, work: WorkRecord, reference: string, state?: SandboxState): boolean {
  const text = single(q.query)?.toLowerCase();
  if (!text) {
    return true;
  }
  if (work.reference.toLowerCase().includes(text) || reference.toLowerCase().includes(text)) {
    return true;
  }
  const street = state ? streetOf(state, work) : undefined;
  return String(work.usrn) === text || (street !== undefined && street.name.toLowerCase().includes(text));
}

function permitRow(state: SandboxState, work: WorkRecord, p: PermitRecord, isActive: boolean): Record<string, unknown> {
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
    lane_rental_assessment_outcome: null,
    lane_rental_assessment_outcome_string: null,
    lane_rental_charges_not_agreed: false,
    lane_rental_charges_potentially_apply: p.laneRental,
  };
}
