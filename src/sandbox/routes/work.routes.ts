import { organisationBySwa } from '../data/organisations';
import type { AlterationRecord, Geometry, PermitRecord, WorkRecord } from '../data/records';
import {
  activityResponse,
  alterationResponse,
  commentResponse,
  fpnResponse,
  forwardPlanResponse,
  inspectionResponse,
  permitResponse,
  section81Response,
  workResponse,
} from '../responses/work-api.responses';
import { SmError, type SandboxContext } from '../sandbox-context';
import {
  actorOf,
  nextNumber,
  now,
  requireHighwayAuthority,
  requirePromoterSide,
  visibleWork,
  WORK_REFERENCE,
} from './route-helpers';

type Body = Record<string, unknown>;
const DAY = 86_400_000;

/** Work API (`/v6/work`): authentication, works, permits and everything hanging off a work. */
export function registerWorkRoutes(ctx: SandboxContext): void {
  const { state, auth, stats } = ctx;

  ctx.route('POST', 'work', '/authenticate', 'auth', (req) => {
    const { emailAddress, password } = req.body as { emailAddress: string; password: string };
    const result = auth.authenticate(emailAddress, password);
    if ('status' in result) {
      stats.failedAuthentications += 1;
      throw new SmError(result.status, result.message);
    }
    stats.authentications += 1;
    return {
      status: 200,
      body: {
        idToken: result.idToken,
        accessToken: result.accessToken,
        refreshToken: result.refreshToken,
        organisationReference: result.user.organisation.swaCode,
      },
    };
  });

  // The most read endpoint, and the heaviest to build (every permit embedded): memoised per work until the next
  // write anywhere, so the sandbox stays a cheap upstream in load tests (bench/) instead of their bottleneck.
  const built = new WeakMap<WorkRecord, { version: number; body: unknown }>();
  ctx.route('GET', 'work', '/works/{workReferenceNumber}', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    let entry = built.get(work);
    if (entry?.version !== state.version) {
      entry = { version: state.version, body: workResponse(state, work) };
      built.set(work, entry);
    }
    return { status: 200, body: entry.body };
  });

  ctx.route('POST', 'work', '/works', 'data', (req) => {
    const body = req.body as Body;
    const promoter = ctx.state.promoterOf(req.user.organisation);
    if (!promoter || body.promoter_swa_code !== promoter.swaCode) {
      throw new SmError(401, 'Access restricted');
    }
    const ha = organisationBySwa(String(body.highway_authority_swa_code));
    if (!ha || ha.type !== 'highway_authority') {
      throw new SmError(400, 'highway_authority_swa_code is not a highway authority');
    }
    const requested = body.work_reference_number as string | null | undefined;
    if (requested !== undefined && requested !== null && !WORK_REFERENCE.test(requested)) {
      throw new SmError(400, 'work_reference_number must be at most 24 characters of A-Z, a-z, 0-9, _ and -');
    }
    if (requested && state.works.has(requested)) {
      throw new SmError(409, 'A work with this reference number already exists');
    }
    checkDates(body.proposed_start_date, body.proposed_end_date);
    const reference = requested || state.nextWorkReference(promoter.prefix);
    const permit = newPermit(`${reference}-01`, body);
    const work: WorkRecord = {
      reference,
      workstreamPrefix: (body.workstream_prefix as string | null) ?? promoter.prefix,
      promoterSwa: promoter.swaCode,
      haSwa: ha.swaCode,
      usrn: Number(body.usrn),
      streetOverride: state.streets.has(Number(body.usrn))
        ? undefined
        : {
            name: (body.street_name as string | null) ?? 'Unnamed street',
            town: (body.town as string | null) ?? ha.town,
            area: (body.area_name as string | null) ?? '',
            roadCategory: (body.road_category as number | null) ?? 4,
          },
      geometry: body.works_coordinates as Geometry,
      status: 'planned',
      locationDescription: String(body.works_location_description),
      description: String(body.description_of_work),
      dateCreated: permit.dateCreated,
      actualStart: null,
      actualEnd: null,
      permits: [permit],
      inspections: [],
      fpns: [],
      comments: [],
      forwardPlans: [],
      section81s: [],
      history: [],
    };
    state.insertWork(work);
    state.recordEvent(work, 'permit_submitted', 'permit', permit.reference, actorOf(req));
    return {
      status: 201,
      body: { work_reference_number: reference, permit_reference_number: permit.reference },
    };
  });

  ctx.route('PUT', 'work', '/works/{workReferenceNumber}/start', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    requirePromoterSide(ctx, req, work);
    const permit = activeOrFail(work);
    if (work.status !== 'planned' || permit.status !== 'granted') {
      throw new SmError(400, 'Work cannot be started: the permit is not granted or the work is not planned');
    }
    work.actualStart = permit.actualStart = String((req.body as Body).actual_start_date);
    work.status = 'in_progress';
    state.recordEvent(work, 'work_start_logged', 'work', work.reference, actorOf(req));
    return { status: 204 };
  });

  ctx.route('PUT', 'work', '/works/{workReferenceNumber}/stop', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    requirePromoterSide(ctx, req, work);
    const permit = activeOrFail(work);
    if (work.status !== 'in_progress') {
      throw new SmError(400, 'Work cannot be stopped: it is not in progress');
    }
    work.actualEnd = permit.actualStop = String((req.body as Body).actual_stop_date);
    work.status = 'completed';
    permit.status = 'closed';
    permit.statusChanged = permit.dateModified = now();
    state.recordEvent(work, 'work_stop_logged', 'work', work.reference, actorOf(req));
    return { status: 204 };
  });

  ctx.route('GET', 'work', '/works/{workReferenceNumber}/permits/{permitReferenceNumber}', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    return {
      status: 200,
      body: permitResponse(state, work, permitOf(work, req.params.permitReferenceNumber)),
    };
  });

  ctx.route('POST', 'work', '/works/{workReferenceNumber}/permits', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    requirePromoterSide(ctx, req, work);
    const body = req.body as Body;
    checkDates(body.proposed_start_date, body.proposed_end_date);
    if (
      work.permits.some((p) => ['submitted', 'granted', 'permit_modification_request'].includes(p.status))
    ) {
      throw new SmError(409, 'The work already has an active permit');
    }
    const permit = newPermit(`${work.reference}-${nextNumber(work.permits)}`, body);
    work.permits.push(permit);
    if (work.status === 'cancelled') {
      work.status = 'planned';
    }
    state.recordEvent(work, 'permit_submitted', 'permit', permit.reference, actorOf(req));
    return { status: 201, body: { permit_reference_number: permit.reference } };
  });

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      requirePromoterSide(ctx, req, work);
      const permit = permitOf(work, req.params.permitReferenceNumber);
      const target = String((req.body as Body).permit_status);
      const allowed: Record<string, string[]> = {
        cancelled: ['submitted', 'granted', 'permit_modification_request'],
        closed: ['granted'],
      };
      if (!allowed[target]?.includes(permit.status)) {
        throw new SmError(400, `Permit status cannot change from ${permit.status} to ${target}`);
      }
      permit.status = target;
      permit.statusChanged = permit.dateModified = now();
      if (
        target === 'cancelled' &&
        !work.permits.some((p) => ['submitted', 'granted', 'permit_modification_request'].includes(p.status))
      ) {
        work.status = work.actualStart ? work.status : 'cancelled';
      }
      if (target === 'closed') {
        work.status = 'completed';
        work.actualEnd = work.actualEnd ?? permit.statusChanged;
        permit.actualStop = permit.actualStop ?? permit.statusChanged;
      }
      state.recordEvent(
        work,
        target === 'cancelled' ? 'permit_cancelled' : 'work_stop_logged',
        'permit',
        permit.reference,
        actorOf(req),
      );
      return { status: 204 };
    },
  );

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/assessment',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      requireHighwayAuthority(req, work);
      const permit = permitOf(work, req.params.permitReferenceNumber);
      const body = req.body as Body;
      const assessment = String(body.assessment_status);
      const fromSubmitted = ['granted', 'refused', 'permit_modification_request'];
      if (
        fromSubmitted.includes(assessment)
          ? permit.status !== 'submitted'
          : !(assessment === 'revoked' && permit.status === 'granted')
      ) {
        throw new SmError(400, `Permit in status ${permit.status} cannot be assessed as ${assessment}`);
      }
      if (
        assessment === 'refused' &&
        !(Array.isArray(body.reasons_for_refusal) && body.reasons_for_refusal.length > 0)
      ) {
        throw new SmError(400, 'reasons_for_refusal is required when refusing a permit');
      }
      permit.assessmentStatus = assessment;
      permit.status = assessment;
      permit.assessmentComments = (body.additional_comments as string | null) ?? null;
      permit.reasonsForRefusal = (body.reasons_for_refusal as string[] | undefined) ?? [];
      permit.statusChanged = permit.dateModified = now();
      const event = {
        granted: 'permit_granted',
        refused: 'permit_refused',
        permit_modification_request: 'permit_modification_request',
        revoked: 'permit_revoked',
      }[assessment]!;
      state.recordEvent(work, event, 'permit', permit.reference, actorOf(req));
      return { status: 204 };
    },
  );

  ctx.route(
    'GET',
    'work',
    '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const permit = permitOf(work, req.params.permitReferenceNumber);
      return {
        status: 200,
        body: alterationResponse(
          state,
          work,
          permit,
          alterationOf(permit, req.params.permitAlterationReferenceNumber),
        ),
      };
    },
  );

  ctx.route(
    'POST',
    'work',
    '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      requirePromoterSide(ctx, req, work);
      const permit = permitOf(work, req.params.permitReferenceNumber);
      const body = req.body as Body;
      checkDates(body.proposed_start_date, body.proposed_end_date);
      if (permit.alterations.some((a) => a.status === 'submitted')) {
        throw new SmError(409, 'The permit already has an alteration awaiting assessment');
      }
      const at = now();
      const alteration: AlterationRecord = {
        reference: `${permit.reference}-ALT-${nextNumber(permit.alterations)}`,
        status: 'submitted',
        type: 'PROMOTER_CHANGE_REQUEST',
        reason: String(body.permit_alteration_reason),
        dateCreated: at,
        deadline: new Date(Date.now() + 5 * DAY).toISOString(),
        statusChanged: at,
        proposedStart: String(body.proposed_start_date),
        proposedEnd: String(body.proposed_end_date),
        closeFootpath: String(body.close_footpath),
      };
      permit.alterations.push(alteration);
      state.recordEvent(work, 'alteration_submitted', 'change_request', alteration.reference, actorOf(req));
      return { status: 201, body: { permit_alteration_reference_number: alteration.reference } };
    },
  );

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}/status',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      requireHighwayAuthority(req, work);
      const permit = permitOf(work, req.params.permitReferenceNumber);
      const alteration = alterationOf(permit, req.params.permitAlterationReferenceNumber);
      const target = String((req.body as Body).alteration_status);
      if (
        alteration.status !== 'submitted' ||
        !['granted', 'refused', 'granted_with_duration_challenge'].includes(target)
      ) {
        throw new SmError(400, `Alteration in status ${alteration.status} cannot become ${target}`);
      }
      alteration.status = target;
      alteration.statusChanged = now();
      if (target !== 'refused') {
        permit.proposedStart = alteration.proposedStart;
        permit.proposedEnd = alteration.proposedEnd;
        permit.closeFootpath = alteration.closeFootpath;
        permit.dateModified = alteration.statusChanged;
      }
      state.recordEvent(
        work,
        target === 'refused' ? 'alteration_refused' : 'alteration_granted',
        'change_request',
        alteration.reference,
        actorOf(req),
      );
      return { status: 204 };
    },
  );

  ctx.route(
    'GET',
    'work',
    '/works/{workReferenceNumber}/inspections/{inspectionReferenceNumber}',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const inspection = work.inspections.find((i) => i.reference === req.params.inspectionReferenceNumber);
      if (!inspection) {
        throw new SmError(404, 'Inspection not found');
      }
      return { status: 200, body: inspectionResponse(work, inspection) };
    },
  );

  ctx.route('POST', 'work', '/works/{workReferenceNumber}/inspections', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    requireHighwayAuthority(req, work);
    const body = req.body as Body;
    const at = now();
    const reference = `${work.reference}-INSP-${nextNumber(work.inspections)}`;
    work.inspections.push({
      reference,
      type: String(body.inspection_type),
      category: (body.inspection_category as string | null) ?? null,
      outcome: String(body.inspection_outcome),
      status: 'recorded',
      startDate: String(body.inspection_start_date),
      dateCreated: at,
      dateModified: at,
      username: String(body.username),
      inspectorName: (body.inspector_name as string | null) ?? null,
      details: (body.inspection_outcome_details as string | null) ?? null,
      reinspectionDate: (body.reinspection_date_time as string | null) ?? null,
      isReinspection: false,
    });
    const outcome = String(body.inspection_outcome);
    const event =
      outcome === 'passed'
        ? 'inspection_passed'
        : outcome.startsWith('failed')
          ? 'inspection_failed'
          : 'inspection_further_required';
    state.recordEvent(work, event, 'inspection', reference, actorOf(req));
    return { status: 201, body: { inspection_reference_number: reference } };
  });

  ctx.route(
    'GET',
    'work',
    '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const fpn = work.fpns.find((f) => f.reference === req.params.fpnReferenceNumber);
      if (!fpn) {
        throw new SmError(404, 'Fixed penalty notice not found');
      }
      return { status: 200, body: fpnResponse(state, work, fpn) };
    },
  );

  ctx.route('POST', 'work', '/works/{workReferenceNumber}/fixed-penalty-notices', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    requireHighwayAuthority(req, work);
    const body = req.body as Body;
    const at = now();
    const reference = `${work.reference}-FPN-${nextNumber(work.fpns)}`;
    work.fpns.push({
      reference,
      offenceCode: String(body.offence_code),
      status: 'issued',
      issueDate: at,
      statusChanged: at,
      offenceDate: String(body.offence_date),
      offenceDetails: String(body.offence_details),
      officer: String(body.authorised_officer),
      officerContact: String(body.officer_contact_details),
      paymentMethods: body.payment_methods as string[],
      permitReference: (body.permit_reference_number as string | null) ?? null,
    });
    state.recordEvent(work, 'fpn_submitted', 'fpn', reference, actorOf(req));
    return { status: 201, body: { fpn_reference_number: reference } };
  });

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}/status',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const fpn = work.fpns.find((f) => f.reference === req.params.fpnReferenceNumber);
      if (!fpn) {
        throw new SmError(404, 'Fixed penalty notice not found');
      }
      fpn.status = String((req.body as Body).fpn_status);
      fpn.statusChanged = now();
      const event =
        {
          accepted: 'fpn_accepted',
          paid: 'fpn_paid',
          paid_discounted: 'fpn_paid',
          disputed: 'fpn_disputed',
          withdrawn: 'fpn_withdrawn',
        }[fpn.status] ?? 'fpn_submitted';
      state.recordEvent(work, event, 'fpn', fpn.reference, actorOf(req));
      return { status: 204 };
    },
  );

  ctx.route('POST', 'work', '/works/{workReferenceNumber}/comments', 'data', (req) => {
    const work = visibleWork(ctx, req, req.params.workReferenceNumber);
    const body = req.body as Body;
    const reference = `${work.reference}-COM-${nextNumber(work.comments)}`;
    work.comments.push({
      reference,
      topic: String(body.topic),
      detail: String(body.detail),
      authorEmail: req.user.email,
      authorSwa: req.user.organisation.swaCode,
      dateCreated: now(),
      isInternal: body.is_internal === true,
      readOn: null,
      readBy: null,
    });
    state.recordEvent(
      work,
      body.is_internal === true ? 'internal_comment_submitted' : 'comment_submitted',
      'comment',
      reference,
      actorOf(req),
    );
    return { status: 201, body: { comment_reference_number: reference } };
  });

  // New in V6: one comment by reference. Another organisation's internal comment is not there for the reader.
  ctx.route(
    'GET',
    'work',
    '/works/{workReferenceNumber}/comments/{commentReferenceNumber}',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const comment = work.comments.find((c) => c.reference === req.params.commentReferenceNumber);
      if (!comment || (comment.isInternal && comment.authorSwa !== req.user.organisation.swaCode)) {
        throw new SmError(404, 'Comment not found');
      }
      return { status: 200, body: commentResponse(work, comment) };
    },
  );

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/comments/{commentReferenceNumber}/read',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const comment = work.comments.find((c) => c.reference === req.params.commentReferenceNumber);
      if (!comment) {
        throw new SmError(404, 'Comment not found');
      }
      comment.readOn = comment.readOn ?? now();
      comment.readBy = comment.readBy ?? req.user.email;
      state.recordEvent(work, 'comment_read', 'comment', comment.reference, actorOf(req));
      return { status: 201 };
    },
  );

  ctx.route('GET', 'work', '/activity/{activityReferenceNumber}', 'data', (req) => {
    const activity = state.activities.get(req.params.activityReferenceNumber);
    if (!activity) {
      throw new SmError(404, 'Activity not found');
    }
    return { status: 200, body: activityResponse(state, activity) };
  });

  ctx.route('POST', 'work', '/activity', 'data', (req) => {
    requireHighwayAuthority(req);
    const body = req.body as Body;
    checkDates(body.start_date, body.end_date);
    const org = req.user.organisation;
    const reference = state.nextActivityReference(org.prefix);
    state.activities.set(reference, {
      reference,
      haSwa: org.swaCode,
      usrn: Number(body.usrn),
      geometry: body.activity_coordinates as Geometry,
      name: String(body.activity_name),
      activityType: String(body.activity_activity_type),
      start: String(body.start_date),
      end: String(body.end_date),
      locationTypes: body.location_types as string[],
      locationDescription: String(body.activity_location_description),
      trafficManagementType: String(body.traffic_management_type),
      collaborativeWorking: body.collaborative_working === true,
      contactName: (body.contact_name as string | null) ?? null,
      cancelled: false,
      cancelledReason: null,
      dateCreated: now(),
    });
    return { status: 201, body: { activity_reference_number: reference } };
  });

  ctx.route('PUT', 'work', '/activity/{activityReferenceNumber}/cancel', 'data', (req) => {
    const activity = state.activities.get(req.params.activityReferenceNumber);
    if (!activity) {
      throw new SmError(404, 'Activity not found');
    }
    requireHighwayAuthority(req);
    if (activity.haSwa !== req.user.organisation.swaCode) {
      throw new SmError(401, 'Access restricted');
    }
    activity.cancelled = true;
    activity.cancelledReason = ((req.body as Body).cancellation_reason as string | null) ?? null;
    return { status: 204 };
  });

  ctx.route(
    'GET',
    'work',
    '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const plan = work.forwardPlans.find((f) => f.reference === req.params.forwardPlanReferenceNumber);
      if (!plan) {
        throw new SmError(404, 'Forward plan not found');
      }
      return { status: 200, body: forwardPlanResponse(state, work, plan) };
    },
  );

  ctx.route('POST', 'work', '/forward-plans', 'data', (req) => {
    const body = req.body as Body;
    const promoter = ctx.state.promoterOf(req.user.organisation);
    if (!promoter || body.promoter_swa_code !== promoter.swaCode) {
      throw new SmError(401, 'Access restricted');
    }
    const ha = organisationBySwa(String(body.highway_authority_swa_code));
    if (!ha || ha.type !== 'highway_authority') {
      throw new SmError(400, 'highway_authority_swa_code is not a highway authority');
    }
    checkDates(body.start_date, body.end_date);
    const requested = body.work_reference_number as string | null | undefined;
    if (requested && (!WORK_REFERENCE.test(requested) || state.works.has(requested))) {
      throw new SmError(
        requested.length > 0 && WORK_REFERENCE.test(requested) ? 409 : 400,
        'work_reference_number is invalid or already used',
      );
    }
    const reference = requested || state.nextWorkReference(promoter.prefix);
    const at = now();
    const work: WorkRecord = {
      reference,
      workstreamPrefix: (body.workstream_prefix as string | null) ?? promoter.prefix,
      promoterSwa: promoter.swaCode,
      haSwa: ha.swaCode,
      usrn: Number(body.usrn),
      geometry: body.works_coordinates as Geometry,
      status: 'planned',
      locationDescription: String(body.works_location_description),
      description: String(body.description_of_work),
      dateCreated: at,
      actualStart: null,
      actualEnd: null,
      permits: [],
      inspections: [],
      fpns: [],
      comments: [],
      forwardPlans: [
        {
          reference: `${reference}-FP-01`,
          status: 'raised',
          start: String(body.start_date),
          end: String(body.end_date),
          description: String(body.description_of_work),
          locationDescription: String(body.works_location_description),
          dateCreated: at,
          cancelledReason: null,
        },
      ],
      section81s: [],
      history: [],
    };
    state.insertWork(work);
    state.recordEvent(work, 'forward_plan_submitted', 'forward_plan', `${reference}-FP-01`, actorOf(req));
    return {
      status: 201,
      body: { work_reference_number: reference, forward_plan_reference_number: `${reference}-FP-01` },
    };
  });

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}/cancel',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      requirePromoterSide(ctx, req, work);
      const plan = work.forwardPlans.find((f) => f.reference === req.params.forwardPlanReferenceNumber);
      if (!plan) {
        throw new SmError(404, 'Forward plan not found');
      }
      if (plan.status !== 'raised') {
        throw new SmError(400, `Forward plan in status ${plan.status} cannot be cancelled`);
      }
      plan.status = 'cancelled';
      plan.cancelledReason = String((req.body as Body).cancelled_reason);
      state.recordEvent(work, 'forward_plan_cancelled', 'forward_plan', plan.reference, actorOf(req));
      return { status: 204 };
    },
  );

  ctx.route(
    'GET',
    'work',
    '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const s81 = work.section81s.find((s) => s.reference === req.params.section81ReferenceNumber);
      if (!s81) {
        throw new SmError(404, 'Section 81 not found');
      }
      return { status: 200, body: section81Response(state, work, s81) };
    },
  );

  ctx.route('POST', 'work', '/section-81-works/section-81s', 'data', (req) => {
    requireHighwayAuthority(req);
    const body = req.body as Body;
    const promoter = organisationBySwa(String(body.promoter_swa_code));
    if (!promoter || promoter.type !== 'promoter') {
      throw new SmError(400, 'promoter_swa_code is not a promoter');
    }
    if (body.highway_authority_swa_code !== req.user.organisation.swaCode) {
      throw new SmError(401, 'Access restricted');
    }
    const reference = state.nextWorkReference(promoter.prefix);
    const at = now();
    const s81Reference = `${reference}-S81-01`;
    const work: WorkRecord = {
      reference,
      workstreamPrefix: promoter.prefix,
      promoterSwa: promoter.swaCode,
      haSwa: req.user.organisation.swaCode,
      usrn: Number(body.usrn),
      geometry: body.works_coordinates as Geometry,
      status: 'section_81',
      locationDescription: String(body.location_description),
      description: String(body.additional_details),
      dateCreated: at,
      actualStart: null,
      actualEnd: null,
      permits: [],
      inspections: [],
      fpns: [],
      comments: [],
      forwardPlans: [],
      section81s: [
        {
          reference: s81Reference,
          type: String(body.section_81_type),
          severity: String(body.section_81_severity),
          status: 'issued',
          locationDescription: String(body.location_description),
          locationTypes: body.location_types as string[],
          inspectionDate: String(body.inspection_date),
          madeSafeByHa: body.made_safe_by_ha === true,
          details: String(body.additional_details),
          dateCreated: at,
          statusChanged: at,
        },
      ],
      history: [],
    };
    state.insertWork(work);
    state.recordEvent(work, 'section_81_submitted', 'section_81', s81Reference, actorOf(req));
    return {
      status: 201,
      body: { work_reference_number: reference, section_81_reference_number: s81Reference },
    };
  });

  ctx.route(
    'PUT',
    'work',
    '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}/status',
    'data',
    (req) => {
      const work = visibleWork(ctx, req, req.params.workReferenceNumber);
      const s81 = work.section81s.find((s) => s.reference === req.params.section81ReferenceNumber);
      if (!s81) {
        throw new SmError(404, 'Section 81 not found');
      }
      s81.status = String((req.body as Body).section_81_status);
      s81.statusChanged = now();
      const event = `section_81_${s81.status}`;
      state.recordEvent(work, event, 'section_81', s81.reference, actorOf(req));
      return { status: 204 };
    },
  );
}

function permitOf(work: WorkRecord, reference: string): PermitRecord {
  const permit = work.permits.find((p) => p.reference === reference);
  if (!permit) {
    throw new SmError(404, 'Permit not found');
  }
  return permit;
}

function alterationOf(permit: PermitRecord, reference: string): AlterationRecord {
  const alteration = permit.alterations.find((a) => a.reference === reference);
  if (!alteration) {
    throw new SmError(404, 'Permit alteration not found');
  }
  return alteration;
}

function activeOrFail(work: WorkRecord): PermitRecord {
  const permit = [...work.permits].reverse().find((p) => p.status === 'granted' || p.status === 'submitted');
  if (!permit) {
    throw new SmError(400, 'Work has no active permit');
  }
  return permit;
}

function checkDates(start: unknown, end: unknown): void {
  if (Date.parse(String(end)) < Date.parse(String(start))) {
    throw new SmError(400, 'The end date must not be before the start date');
  }
}

function newPermit(reference: string, body: Body): PermitRecord {
  const at = now();
  const start = Date.parse(String(body.proposed_start_date));
  const end = Date.parse(String(body.proposed_end_date));
  const days = Math.max(1, Math.round((end - start) / DAY));
  const immediate = body.work_type === 'immediate';
  return {
    reference,
    status: 'submitted',
    assessmentStatus: null,
    category: immediate ? 'immediate_urgent' : days <= 3 ? 'minor' : days <= 10 ? 'standard' : 'major',
    workType: String(body.work_type),
    activityType: String(body.activity_type),
    trafficManagementType: String(body.traffic_management_type),
    applicationType: String(body.application_type),
    locationTypes: body.location_types as string[],
    closeFootway: String(body.close_footway),
    excavation: body.excavation === true,
    trafficManagementPlan: body.traffic_management_plan === true,
    laneRental: body.lane_rental_applicable === true,
    closeFootpath: String(body.close_footpath),
    collaborativeWorking: body.collaborative_working === true,
    description: String(body.description_of_work),
    locationDescription: String(body.works_location_description),
    secondaryContact: String(body.secondary_contact),
    secondaryContactNumber: String(body.secondary_contact_number),
    proposedStart: new Date(start).toISOString(),
    proposedEnd: new Date(end).toISOString(),
    actualStart: null,
    actualStop: null,
    dateCreated: at,
    dateModified: at,
    deadline: new Date(Date.now() + (days > 10 ? 30 : 5) * DAY).toISOString(),
    statusChanged: at,
    isEarlyStart: false,
    isDeemed: false,
    assessmentComments: null,
    reasonsForRefusal: [],
    alterations: [],
  };
}
