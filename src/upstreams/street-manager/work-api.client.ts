import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { NotFoundError } from '../../common/errors/api-error';
import { UpstreamForbiddenError, UpstreamNotFoundError } from '../http/upstream-errors';
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
    if (e instanceof UpstreamNotFoundError || e instanceof UpstreamForbiddenError) {
      throw new NotFoundError(resource, reference);
    }
    throw e;
  }
}

/**
 * Street Manager's Work API (V3.6), typed from its published spec. The only place that knows its paths;
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
}
