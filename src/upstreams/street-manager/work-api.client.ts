import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { NotFoundError, ValidationFailedError } from '../../common/errors/api-error';
import { UpstreamForbiddenError } from '../http/upstream-errors';
import type { components } from './generated/work';
import { StreetManagerTransport } from './street-manager.transport';

type Schemas = components['schemas'];
export type SmWork = Schemas['WorkResponse'];
export type SmPermit = Schemas['PermitResponse'];
export type SmWorkCreateRequest = Schemas['WorkCreateRequest'];
export type SmWorkCreateResponse = Schemas['WorkCreateResponse'];
export type SmPermitCreateRequest = Schemas['PermitCreateRequest'];
export type SmPermitCreateResponse = Schemas['PermitCreateResponse'];
export type SmPermitStatusUpdateRequest = Schemas['PermitStatusUpdateRequest'];
export type SmPermitAssessmentUpdateRequest = Schemas['PermitAssessmentUpdateRequest'];

/** Street Manager's caller-identity fields; the transport fills them from the caller on every write. */
type Identified<T> = Omit<T, 'internal_user_identifier' | 'internal_user_name'>;

/**
 * Reads by reference: Street Manager answers 404 for an unknown reference and 401-then-401 (our
 * UpstreamForbiddenError) for another organisation's. Both become the same 404, so references cannot be probed.
 */
async function byReference<T>(resource: string, reference: string, call: Promise<{ body: T }>): Promise<T> {
  try {
    return (await call).body;
  } catch (e) {
    if (e instanceof NotFoundError || e instanceof UpstreamForbiddenError) {
      throw new NotFoundError(resource, reference);
    }
    throw e;
  }
}

/**
 * Street Manager's Work API (V6), typed from the V6 contract files. The only place that knows its paths;
 * returns Street Manager's own shapes, which the resource mappers translate into the v1 contract.
 *
 * Adding an operation: one method, the generated types for its request and response, `byReference` for a
 * read (or a write on an existing reference) so a refusal cannot reveal that the reference exists.
 */
@Injectable()
export class WorkApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  getWork(caller: Caller, workReferenceNumber: string): Promise<SmWork> {
    return byReference(
      'work',
      workReferenceNumber,
      this.transport.request<SmWork>({
        api: 'work',
        operation: 'getWork',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}',
        params: { workReferenceNumber },
        caller,
      }),
    );
  }

  /** `fieldNames` maps Street Manager's field names to the caller's, for the details of a refusal. */
  async createWork(
    caller: Caller,
    body: Identified<SmWorkCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmWorkCreateResponse> {
    const response = await this.transport.request<SmWorkCreateResponse>({
      api: 'work',
      operation: 'createWork',
      method: 'POST',
      pathTemplate: '/works',
      body,
      caller,
      fieldNames,
    });
    return response.body;
  }

  getPermit(caller: Caller, workReferenceNumber: string, permitReferenceNumber: string): Promise<SmPermit> {
    return byReference(
      'permit',
      permitReferenceNumber,
      this.transport.request<SmPermit>({
        api: 'work',
        operation: 'getPermit',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}',
        params: { workReferenceNumber, permitReferenceNumber },
        caller,
      }),
    );
  }

  createPermit(
    caller: Caller,
    workReferenceNumber: string,
    body: Identified<SmPermitCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmPermitCreateResponse> {
    return byReference(
      'work',
      workReferenceNumber,
      this.transport.request<SmPermitCreateResponse>({
        api: 'work',
        operation: 'createPermit',
        method: 'POST',
        pathTemplate: '/works/{workReferenceNumber}/permits',
        params: { workReferenceNumber },
        body,
        fieldNames,
        caller,
      }),
    );
  }

  updatePermitStatus(
    caller: Caller,
    workReferenceNumber: string,
    permitReferenceNumber: string,
    body: Identified<SmPermitStatusUpdateRequest>,
  ): Promise<undefined> {
    return byReference(
      'permit',
      permitReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'updatePermitStatus',
        method: 'PUT',
        pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status',
        params: { workReferenceNumber, permitReferenceNumber },
        body,
        caller,
      }),
    );
  }

  assessPermit(
    caller: Caller,
    workReferenceNumber: string,
    permitReferenceNumber: string,
    body: Identified<SmPermitAssessmentUpdateRequest>,
  ): Promise<undefined> {
    return byReference(
      'permit',
      permitReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'assessPermit',
        method: 'PUT',
        pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/assessment',
        params: { workReferenceNumber, permitReferenceNumber },
        body,
        caller,
      }),
    );
  }

  // The outer resources beyond works and permits (inspections, FPNs, comments, activities, forward plans,
  // section 81s, permit alterations). Reads by reference use byReference; writes on an existing work too, so
  // another organisation's work cannot be told from a missing one.

  getInspection(
    caller: Caller,
    workReferenceNumber: string,
    inspectionReferenceNumber: string,
  ): Promise<SmInspection> {
    return byReference(
      'inspection',
      inspectionReferenceNumber,
      this.transport.request<SmInspection>({
        api: 'work',
        operation: 'getInspection',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}/inspections/{inspectionReferenceNumber}',
        params: { workReferenceNumber, inspectionReferenceNumber },
        caller,
      }),
    );
  }

  createInspection(
    caller: Caller,
    workReferenceNumber: string,
    body: Identified<SmInspectionCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmInspectionCreateResponse> {
    return this.writeOnWork<SmInspectionCreateResponse>(
      caller,
      'createInspection',
      'POST',
      '/works/{workReferenceNumber}/inspections',
      { workReferenceNumber },
      body,
      fieldNames,
    );
  }

  getFixedPenaltyNotice(
    caller: Caller,
    workReferenceNumber: string,
    fpnReferenceNumber: string,
  ): Promise<SmFpn> {
    return byReference(
      'fixed penalty notice',
      fpnReferenceNumber,
      this.transport.request<SmFpn>({
        api: 'work',
        operation: 'getFixedPenaltyNotice',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}',
        params: { workReferenceNumber, fpnReferenceNumber },
        caller,
      }),
    );
  }

  createFixedPenaltyNotice(
    caller: Caller,
    workReferenceNumber: string,
    body: Identified<SmFpnCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmFpnCreateResponse> {
    return this.writeOnWork<SmFpnCreateResponse>(
      caller,
      'createFixedPenaltyNotice',
      'POST',
      '/works/{workReferenceNumber}/fixed-penalty-notices',
      { workReferenceNumber },
      body,
      fieldNames,
    );
  }

  updateFixedPenaltyNoticeStatus(
    caller: Caller,
    workReferenceNumber: string,
    fpnReferenceNumber: string,
    body: Identified<SmFpnStatusUpdateRequest>,
  ): Promise<undefined> {
    return byReference(
      'fixed penalty notice',
      fpnReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'updateFixedPenaltyNoticeStatus',
        method: 'PUT',
        pathTemplate: '/works/{workReferenceNumber}/fixed-penalty-notices/{fpnReferenceNumber}/status',
        params: { workReferenceNumber, fpnReferenceNumber },
        body,
        caller,
      }),
    );
  }

  createComment(
    caller: Caller,
    workReferenceNumber: string,
    body: Identified<SmCommentCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmCommentCreateResponse> {
    return this.writeOnWork<SmCommentCreateResponse>(
      caller,
      'createComment',
      'POST',
      '/works/{workReferenceNumber}/comments',
      { workReferenceNumber },
      body,
      fieldNames,
    );
  }

  /** New in V6: one comment by reference (V6-A16). */
  getComment(
    caller: Caller,
    workReferenceNumber: string,
    commentReferenceNumber: string,
  ): Promise<SmComment> {
    return byReference(
      'comment',
      commentReferenceNumber,
      this.transport.request<SmComment>({
        api: 'work',
        operation: 'getComment',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}/comments/{commentReferenceNumber}',
        params: { workReferenceNumber, commentReferenceNumber },
        caller,
      }),
    );
  }

  markCommentRead(
    caller: Caller,
    workReferenceNumber: string,
    commentReferenceNumber: string,
  ): Promise<undefined> {
    return byReference(
      'comment',
      commentReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'markCommentRead',
        method: 'PUT',
        pathTemplate: '/works/{workReferenceNumber}/comments/{commentReferenceNumber}/read',
        params: { workReferenceNumber, commentReferenceNumber },
        body: {},
        caller,
      }),
    );
  }

  getActivity(caller: Caller, activityReferenceNumber: string): Promise<SmActivity> {
    return byReference(
      'activity',
      activityReferenceNumber,
      this.transport.request<SmActivity>({
        api: 'work',
        operation: 'getActivity',
        method: 'GET',
        pathTemplate: '/activity/{activityReferenceNumber}',
        params: { activityReferenceNumber },
        caller,
      }),
    );
  }

  async createActivity(
    caller: Caller,
    body: Identified<SmActivityCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmActivityCreateResponse> {
    const response = await this.transport.request<SmActivityCreateResponse>({
      api: 'work',
      operation: 'createActivity',
      method: 'POST',
      pathTemplate: '/activity',
      body,
      fieldNames,
      caller,
    });
    return response.body;
  }

  cancelActivity(
    caller: Caller,
    activityReferenceNumber: string,
    body: Identified<SmActivityCancelRequest>,
  ): Promise<undefined> {
    return byReference(
      'activity',
      activityReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'cancelActivity',
        method: 'PUT',
        pathTemplate: '/activity/{activityReferenceNumber}/cancel',
        params: { activityReferenceNumber },
        body,
        caller,
      }),
    );
  }

  getForwardPlan(
    caller: Caller,
    workReferenceNumber: string,
    forwardPlanReferenceNumber: string,
  ): Promise<SmForwardPlan> {
    return byReference(
      'forward plan',
      forwardPlanReferenceNumber,
      this.transport.request<SmForwardPlan>({
        api: 'work',
        operation: 'getForwardPlan',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}',
        params: { workReferenceNumber, forwardPlanReferenceNumber },
        caller,
      }),
    );
  }

  async createForwardPlan(
    caller: Caller,
    body: Identified<SmForwardPlanCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmForwardPlanCreateResponse> {
    const response = await this.transport.request<SmForwardPlanCreateResponse>({
      api: 'work',
      operation: 'createForwardPlan',
      method: 'POST',
      pathTemplate: '/forward-plans',
      body,
      fieldNames,
      caller,
    });
    return response.body;
  }

  cancelForwardPlan(
    caller: Caller,
    workReferenceNumber: string,
    forwardPlanReferenceNumber: string,
    body: Identified<SmForwardPlanCancelRequest>,
  ): Promise<undefined> {
    return byReference(
      'forward plan',
      forwardPlanReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'cancelForwardPlan',
        method: 'PUT',
        pathTemplate: '/works/{workReferenceNumber}/forward-plans/{forwardPlanReferenceNumber}/cancel',
        params: { workReferenceNumber, forwardPlanReferenceNumber },
        body,
        caller,
      }),
    );
  }

  getSection81(
    caller: Caller,
    workReferenceNumber: string,
    section81ReferenceNumber: string,
  ): Promise<SmSection81> {
    return byReference(
      'section 81',
      section81ReferenceNumber,
      this.transport.request<SmSection81>({
        api: 'work',
        operation: 'getSection81',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}',
        params: { workReferenceNumber, section81ReferenceNumber },
        caller,
      }),
    );
  }

  async createSection81(
    caller: Caller,
    body: Identified<SmSection81CreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmSection81CreateResponse> {
    const response = await this.transport.request<SmSection81CreateResponse>({
      api: 'work',
      operation: 'createSection81',
      method: 'POST',
      pathTemplate: '/section-81-works/section-81s',
      body,
      fieldNames,
      caller,
    });
    return response.body;
  }

  updateSection81Status(
    caller: Caller,
    workReferenceNumber: string,
    section81ReferenceNumber: string,
    body: Identified<SmSection81StatusUpdateRequest>,
  ): Promise<undefined> {
    return byReference(
      'section 81',
      section81ReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'updateSection81Status',
        method: 'PUT',
        pathTemplate: '/works/{workReferenceNumber}/section-81s/{section81ReferenceNumber}/status',
        params: { workReferenceNumber, section81ReferenceNumber },
        body,
        caller,
      }),
    );
  }

  getPermitAlteration(
    caller: Caller,
    workReferenceNumber: string,
    permitReferenceNumber: string,
    permitAlterationReferenceNumber: string,
  ): Promise<SmPermitAlteration> {
    return byReference(
      'permit alteration',
      permitAlterationReferenceNumber,
      this.transport.request<SmPermitAlteration>({
        api: 'work',
        operation: 'getPermitAlteration',
        method: 'GET',
        pathTemplate:
          '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}',
        params: { workReferenceNumber, permitReferenceNumber, permitAlterationReferenceNumber },
        caller,
      }),
    );
  }

  createPermitAlteration(
    caller: Caller,
    workReferenceNumber: string,
    permitReferenceNumber: string,
    body: Identified<SmPermitAlterationCreateRequest>,
    fieldNames?: Record<string, string>,
  ): Promise<SmPermitAlterationCreateResponse> {
    return byReference(
      'permit',
      permitReferenceNumber,
      this.transport.request<SmPermitAlterationCreateResponse>({
        api: 'work',
        operation: 'createPermitAlteration',
        method: 'POST',
        pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations',
        params: { workReferenceNumber, permitReferenceNumber },
        body,
        fieldNames,
        caller,
      }),
    );
  }

  updatePermitAlterationStatus(
    caller: Caller,
    workReferenceNumber: string,
    permitReferenceNumber: string,
    permitAlterationReferenceNumber: string,
    body: Identified<SmPermitAlterationStatusUpdateRequest>,
  ): Promise<undefined> {
    return byReference(
      'permit alteration',
      permitAlterationReferenceNumber,
      this.transport.request<undefined>({
        api: 'work',
        operation: 'updatePermitAlterationStatus',
        method: 'PUT',
        pathTemplate:
          '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/alterations/{permitAlterationReferenceNumber}/status',
        params: { workReferenceNumber, permitReferenceNumber, permitAlterationReferenceNumber },
        body,
        caller,
      }),
    );
  }

  private writeOnWork<T>(
    caller: Caller,
    operation: string,
    method: 'POST' | 'PUT',
    pathTemplate: string,
    params: { workReferenceNumber: string } & Record<string, string>,
    body: object,
    fieldNames?: Record<string, string>,
  ): Promise<T> {
    return byReference(
      'work',
      params.workReferenceNumber,
      this.transport.request<T>({
        api: 'work',
        operation,
        method,
        pathTemplate,
        params,
        body,
        fieldNames,
        caller,
      }),
    );
  }
}

export type SmInspection = Schemas['InspectionResponse'];
export type SmInspectionCreateRequest = Schemas['InspectionCreateRequest'];
export type SmInspectionCreateResponse = Schemas['InspectionCreateResponse'];
export type SmFpn = Schemas['FPNResponse'];
export type SmFpnCreateRequest = Schemas['FPNCreateRequest'];
export type SmFpnCreateResponse = Schemas['FPNCreateResponse'];
export type SmFpnStatusUpdateRequest = Schemas['FPNStatusUpdateRequest'];
export type SmComment = Schemas['CommentResponse'];
export type SmCommentCreateRequest = Schemas['CommentCreateRequest'];
export type SmCommentCreateResponse = Schemas['CommentCreateResponse'];
export type SmActivity = Schemas['ActivityResponse'];
export type SmActivityCreateRequest = Schemas['ActivityCreateRequest'];
export type SmActivityCreateResponse = Schemas['ActivityCreateResponse'];
export type SmActivityCancelRequest = Schemas['ActivityCancelRequest'];
export type SmForwardPlan = Schemas['ForwardPlanResponse'];
export type SmForwardPlanCreateRequest = Schemas['ForwardPlanCreateRequest'];
export type SmForwardPlanCreateResponse = Schemas['ForwardPlanCreateResponse'];
export type SmForwardPlanCancelRequest = Schemas['ForwardPlanCancelRequest'];
export type SmSection81 = Schemas['Section81Response'];
export type SmSection81CreateRequest = Schemas['Section81CreateRequest'];
export type SmSection81CreateResponse = Schemas['Section81CreateResponse'];
export type SmSection81StatusUpdateRequest = Schemas['Section81StatusUpdateRequest'];
export type SmPermitAlteration = Schemas['PermitAlterationResponse'];
export type SmPermitAlterationCreateRequest = Schemas['PermitAlterationCreateRequest'];
export type SmPermitAlterationCreateResponse = Schemas['PermitAlterationCreateResponse'];
export type SmPermitAlterationStatusUpdateRequest = Schemas['PermitAlterationStatusUpdateRequest'];

/**
 * A reference the caller names in a request body (the work of a new inspection, say) that Street Manager does not
 * know, or hides, is a 422 on that field (DESIGN.md §4): the target URL exists, the body is wrong.
 */
export async function asBodyReference<T>(field: string, call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof NotFoundError) {
      throw new ValidationFailedError([{ field, message: `names nothing you can see: ${e.message}` }]);
    }
    throw e;
  }
}
