import { organisationBySwa } from '../data/organisations';
import type { UpdateRecord, WorkRecord } from '../data/records';

/**
 * The audit events Street Manager also pushes as API notifications, and their Event Notifier `event_type`
 * (event-notifier-message.json). Every other change is only on the Event API cursor, as in Street Manager.
 */
const NOTIFIED: Record<string, string> = {
  work_start_logged: 'WORK_START',
  work_stop_logged: 'WORK_STOP',
  work_start_reverted: 'WORK_START_REVERTED',
  work_stop_reverted: 'WORK_STOP_REVERTED',
  permit_granted: 'PERMIT_GRANTED',
  alteration_granted: 'PERMIT_ALTERATION_GRANTED',
  permit_cancelled: 'PERMIT_CANCELLED',
  permit_revoked: 'PERMIT_REVOKED',
  permit_submitted: 'PERMIT_SUBMITTED',
  permit_refused: 'PERMIT_REFUSED',
};

/** The Event Notifier message for a change, or undefined when Street Manager does not notify it. */
export function eventNotifierMessage(
  update: UpdateRecord,
  work: WorkRecord,
): Record<string, unknown> | undefined {
  const eventType = NOTIFIED[update.eventType];
  // Work start/stop name the work; the message names the permit the work runs under.
  const permitReference =
    update.objectType === 'permit'
      ? update.objectReference
      : update.objectType === 'change_request'
        ? update.parentObjectReference
        : work.permits.at(-1)?.reference;
  const permit = work.permits.find((p) => p.reference === permitReference);
  if (!eventType || !permit) {
    return undefined;
  }
  const promoter = organisationBySwa(work.promoterSwa);
  const authority = organisationBySwa(work.haSwa);
  return {
    event_reference: update.updateId,
    event_type: eventType,
    event_time: update.at,
    object_type: 'PERMIT',
    object_reference: permit.reference,
    version: 1,
    object_data: {
      work_reference_number: work.reference,
      permit_reference_number: permit.reference,
      promoter_swa_code: work.promoterSwa,
      promoter_organisation: promoter?.name ?? work.promoterSwa,
      highway_authority: authority?.name ?? work.haSwa,
      highway_authority_swa_code: work.haSwa,
      works_location_coordinates: JSON.stringify(work.geometry),
      usrn: String(work.usrn),
      street_name: work.streetOverride?.name ?? 'UNKNOWN',
      traffic_management_type: permit.trafficManagementType,
      traffic_management_type_ref: permit.trafficManagementType,
      activity_type: permit.activityType,
      road_category: String(work.streetOverride?.roadCategory ?? 3),
      work_category: permit.category,
      work_category_ref: permit.category,
      work_status_ref: work.status,
      permit_status: permit.status,
      proposed_start_date: permit.proposedStart,
      proposed_end_date: permit.proposedEnd,
      actual_start_date_time: permit.actualStart,
      actual_end_date_time: permit.actualStop,
      is_deemed: permit.isDeemed ? 'Yes' : 'No',
    },
  };
}
