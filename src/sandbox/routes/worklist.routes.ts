import { organisationBySwa } from '../data/organisations';
import type { PermitRecord, WorkRecord } from '../data/records';
import { label, streetOf } from '../responses/labels';
import { SmError, type RequestInfo, type SandboxContext } from '../sandbox-context';
import type { SandboxState } from '../sandbox-state';

const DAY = 86_400_000;

/**
 * Worklist API (`/v6/worklist`): the lists an authority or promoter works through each morning, computed from the
 * sandbox's state against the current UTC day (V6-A15). Authority lists answer 401 to promoters and contractors,
 * promoter lists 401 to authorities, as Street Manager's role refusals do.
 */
export function registerWorklistRoutes(ctx: SandboxContext): void {
  const { state } = ctx;
  /** permits an authority took off its "potential works overrunning" list, per authority */
  const dismissed = new Map<string, Set<string>>();

  const authorityList = (path: string, rows: (req: RequestInfo, today: Day) => unknown[]) =>
    ctx.route('GET', 'worklist', path, 'data', (req) => {
      if (req.user.organisation.type !== 'highway_authority') {
        throw new SmError(401, 'Access restricted');
      }
      return { status: 200, body: rows(req, today(ctx.clock.now())) };
    });
  const promoterList = (path: string, rows: (req: RequestInfo, today: Day) => unknown[]) =>
    ctx.route('GET', 'worklist', path, 'data', (req) => {
      if (!state.promoterOf(req.user.organisation)) {
        throw new SmError(401, 'Access restricted');
      }
      return { status: 200, body: rows(req, today(ctx.clock.now())) };
    });

  authorityList('/permits-about-to-deem', (req, day) =>
    permitsOf(state, req, (w, p) => awaitingAssessment(p) && within(p.deadline, day.start, day.end)).map(
      ({ work, permit }) => ({
        work_reference_number: work.reference,
        permit_reference_number: permit.reference,
        works_location: worksLocation(state, work),
        promoter: orgName(work.promoterSwa),
        deem_date: permit.deadline,
        application_submission_date: permit.dateCreated,
        works_category: label(permit.category),
        highest_traffic_management_type: label(permit.trafficManagementType),
        start_date: permit.proposedStart,
        end_date: permit.proposedEnd,
      }),
    ),
  );

  authorityList('/potential-works-overrunning', (req, day) => {
    const gone = dismissed.get(req.user.organisation.swaCode);
    return permitsOf(
      state,
      req,
      (w, p) =>
        w.status === 'in_progress' &&
        p.actualStop === null &&
        p.actualStart !== null &&
        within(p.proposedEnd, day.start - 7 * DAY, day.start - 1) &&
        !gone?.has(p.reference),
    ).map(({ work, permit }) => ({
      work_reference_number: work.reference,
      permit_reference_number: permit.reference,
      works_location: worksLocation(state, work),
      promoter: orgName(work.promoterSwa),
      start_date: permit.actualStart!,
      end_date: permit.proposedEnd,
      reasonable_period_end_date: permit.proposedEnd,
    }));
  });

  ctx.route('DELETE', 'worklist', '/potential-works-overrunning/{permitReferenceNumber}', 'data', (req) => {
    if (req.user.organisation.type !== 'highway_authority') {
      throw new SmError(401, 'Access restricted');
    }
    const swa = req.user.organisation.swaCode;
    dismissed.set(swa, (dismissed.get(swa) ?? new Set()).add(req.params.permitReferenceNumber));
    return { status: 204 };
  });

  authorityList('/change-requests-about-to-deem', (req, day) =>
    permitsOf(state, req, () => true).flatMap(({ work, permit }) =>
      permit.alterations
        .filter((a) => a.status === 'submitted' && within(a.deadline, day.start, day.end))
        .map((a) => ({
          work_reference_number: work.reference,
          permit_reference_number: permit.reference,
          change_request_reference_number: a.reference,
          works_location: worksLocation(state, work),
          promoter: orgName(work.promoterSwa),
          deem_date: a.deadline,
          change_submission_date: a.dateCreated,
          works_category: label(permit.category),
          work_status: label(work.status),
          start_date: a.proposedStart,
          end_date: a.proposedEnd,
        })),
    ),
  );

  promoterList('/work-stops-due', (req, day) =>
    permitsOf(
      state,
      req,
      (w, p) =>
        w.status === 'in_progress' &&
        p.actualStart !== null &&
        p.actualStop === null &&
        within(p.proposedEnd, day.start - DAY, day.end + DAY),
    ).map(({ work, permit }) => ({
      work_reference_number: work.reference,
      permit_reference_number: permit.reference,
      works_location: worksLocation(state, work),
      highway_authority: orgName(work.haSwa),
      start_date: permit.actualStart!,
      proposed_end_date: permit.proposedEnd,
      reasonable_period_end_date: permit.proposedEnd,
      workstream_prefix: work.workstreamPrefix,
    })),
  );

  promoterList('/work-starts-due', (req, day) =>
    permitsOf(
      state,
      req,
      (w, p) =>
        w.status === 'planned' &&
        p.status === 'granted' &&
        within(p.proposedStart, day.start - DAY, day.end + DAY),
    ).map(({ work, permit }) => ({
      work_reference_number: work.reference,
      permit_reference_number: permit.reference,
      works_location: worksLocation(state, work),
      highway_authority: orgName(work.haSwa),
      proposed_start_date: permit.proposedStart,
      proposed_end_date: permit.proposedEnd,
      validity_period_end_date: new Date(Date.parse(permit.proposedEnd) + 7 * DAY).toISOString(),
      workstream_prefix: work.workstreamPrefix,
    })),
  );

  promoterList('/refused-permits', (req) =>
    permitsOf(state, req, (w, p) => p.status === 'refused').map(({ work, permit }) => ({
      work_reference_number: work.reference,
      permit_reference_number: permit.reference,
      works_location: worksLocation(state, work),
      highway_authority: orgName(work.haSwa),
      proposed_start_date: permit.proposedStart,
      proposed_end_date: permit.proposedEnd,
      refused_date: permit.statusChanged,
      reasons_for_refusal: permit.reasonsForRefusal,
    })),
  );
}

interface Day {
  start: number;
  end: number;
}

/** Street Manager's "today" is the UTC day. */
function today(now: number): Day {
  const start = Math.floor(now / DAY) * DAY;
  return { start, end: start + DAY - 1 };
}

function awaitingAssessment(p: PermitRecord): boolean {
  return p.status === 'submitted' || p.status === 'under_assessment';
}

function permitsOf(
  state: SandboxState,
  req: RequestInfo,
  keep: (w: WorkRecord, p: PermitRecord) => boolean,
): { work: WorkRecord; permit: PermitRecord }[] {
  const org = req.user.organisation;
  const out: { work: WorkRecord; permit: PermitRecord }[] = [];
  for (const work of state.workList) {
    if (!state.canSee(org, work)) {
      continue;
    }
    for (const permit of work.permits) {
      if (keep(work, permit)) {
        out.push({ work, permit });
      }
    }
  }
  return out;
}

function worksLocation(state: SandboxState, work: WorkRecord): string {
  return `${streetOf(state, work).name}, ${work.locationDescription}`;
}

function within(iso: string, from: number, to: number): boolean {
  const t = Date.parse(iso);
  return t >= from && t <= to;
}

function orgName(swa: string): string {
  return organisationBySwa(swa)?.name ?? swa;
}
