import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import type { components } from './generated/worklist';
import { StreetManagerTransport } from './street-manager.transport';

type Schemas = components['schemas'];
export type SmPermitAboutToDeem = Schemas['PermitsAboutToDeemResponse'];
export type SmWorkStopDue = Schemas['WorkStopsDueResponse'];
export type SmWorkStartDue = Schemas['WorkStartsDueResponse'];
export type SmRefusedPermit = Schemas['RefusedPermitsResponse'];
export type SmPotentialWorkOverrunning = Schemas['PotentialWorksOverrunningResponse'];
export type SmChangeRequestAboutToDeem = Schemas['ChangeRequestsAboutToDeemResponse'];

/** Each worklist: its path, its row type and which side of the street works process may read it (V6-A15). */
export interface SmWorklists {
  '/permits-about-to-deem': { row: SmPermitAboutToDeem; side: 'highway_authority' };
  '/potential-works-overrunning': { row: SmPotentialWorkOverrunning; side: 'highway_authority' };
  '/change-requests-about-to-deem': { row: SmChangeRequestAboutToDeem; side: 'highway_authority' };
  '/work-stops-due': { row: SmWorkStopDue; side: 'promoter' };
  '/work-starts-due': { row: SmWorkStartDue; side: 'promoter' };
  '/refused-permits': { row: SmRefusedPermit; side: 'promoter' };
}
export type SmWorklist = keyof SmWorklists;

export const WORKLIST_SIDES: { [K in SmWorklist]: SmWorklists[K]['side'] } = {
  '/permits-about-to-deem': 'highway_authority',
  '/potential-works-overrunning': 'highway_authority',
  '/change-requests-about-to-deem': 'highway_authority',
  '/work-stops-due': 'promoter',
  '/work-starts-due': 'promoter',
  '/refused-permits': 'promoter',
};

const OPERATIONS: Record<SmWorklist, string> = {
  '/permits-about-to-deem': 'getPermitsAboutToDeem',
  '/potential-works-overrunning': 'getPotentialWorksOverrunning',
  '/change-requests-about-to-deem': 'getChangeRequestsAboutToDeem',
  '/work-stops-due': 'getWorkStopsDue',
  '/work-starts-due': 'getWorkStartsDue',
  '/refused-permits': 'getRefusedPermits',
};

/**
 * Street Manager's Worklist API (V6, `/v6/worklist`): the lists a highway authority or promoter works through
 * every morning, each an unpaged array for the credential's organisation. Two paths are inferred from schemas
 * (`/work-starts-due`, `/change-requests-about-to-deem`; V6-A15).
 */
@Injectable()
export class WorklistApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  async list<K extends SmWorklist>(
    caller: Caller | undefined,
    worklist: K,
    signal?: AbortSignal,
  ): Promise<SmWorklists[K]['row'][]> {
    const response = await this.transport.request<SmWorklists[K]['row'][]>({
      api: 'worklist',
      operation: OPERATIONS[worklist],
      method: 'GET',
      pathTemplate: worklist,
      caller,
      signal,
    });
    return response.body;
  }

  /** An authority takes a permit off its "potential works overrunning" list; idempotent (204 when absent too). */
  async dismissPotentialOverrun(caller: Caller | undefined, permitReferenceNumber: string): Promise<void> {
    await this.transport.request<undefined>({
      api: 'worklist',
      operation: 'dismissPotentialWorkOverrunning',
      method: 'DELETE',
      pathTemplate: '/potential-works-overrunning/{permitReferenceNumber}',
      params: { permitReferenceNumber },
      caller,
    });
  }
}
