import type { WorkUpdateRow } from './street-manager-events';

export interface EventApiPage {
  rows: WorkUpdateRow[];
  /** pass as `updateId` to read on; null = nothing after this page yet */
  nextUpdate: number | null;
}

/**
 * What the intake needs of Street Manager's Event API, per credential (organisation undefined = the default
 * credential). Bound to the Event API client in EventIntakeModule; tests may bind a fake.
 */
export abstract class StreetManagerEventApi {
  abstract workUpdates(
    organisation: string | undefined,
    query: { updateId?: number; startDate?: string; pageSize: number },
  ): Promise<EventApiPage>;
  /** resolves with Street Manager's subscription reference */
  abstract subscribe(organisation: string | undefined, endpoint: string): Promise<string>;
  abstract unsubscribe(organisation: string | undefined, reference: string): Promise<void>;
}
