import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { eventIdFromNumber, eventIdToNumber } from '../event-id';
import { EventOrganisations } from '../event-organisations';
import { eventTypeToStreetManager, objectTypeToStreetManager } from '../event-vocabulary';
import { EventLog } from '../gateway-event';
import { INTAKE_SETTINGS, type IntakeSettings } from './intake-settings';

/** A work update read from the log, in the shape `/v1/work-updates` has always mapped (Street Manager's names). */
export interface LoggedWorkUpdate {
  /** the log position as one increasing number: the feed's cursor */
  update_id: number;
  work_reference_number: string;
  event_type: string;
  object_type: string;
  update_date_time: string;
}

/**
 * `/v1/work-updates` served from the caller's organisation's event log while the intake runs: a poll costs no
 * upstream call. The cursor is the log's order (an event the reconciler appends late still comes after the cursor,
 * never behind it), so following `next` sees every update once. Event names read back exactly into Street Manager's
 * vocabulary, which that contract speaks.
 */
@Injectable()
export class LogWorkUpdates {
  constructor(
    private readonly log: EventLog,
    private readonly organisations: EventOrganisations,
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
  ) {}

  get serving(): boolean {
    return this.settings.enabled;
  }

  async updates(
    caller: Pick<Caller, 'organisation'>,
    from: { after?: number; since?: string },
    limit: number,
  ): Promise<LoggedWorkUpdate[]> {
    const organisation = this.organisations.of(caller);
    const events =
      from.after !== undefined
        ? await this.log.readAfter(
            organisation,
            from.after > 0 ? eventIdFromNumber(from.after) : undefined,
            limit,
          )
        : await this.log.readSince(organisation, new Date(from.since ?? 0), limit);
    return events.map((e) => ({
      update_id: eventIdToNumber(e.id),
      work_reference_number: e.workReferenceNumber,
      event_type: eventTypeToStreetManager(e.type),
      object_type: objectTypeToStreetManager(e.objectType),
      update_date_time: e.occurredAt,
    }));
  }
}
