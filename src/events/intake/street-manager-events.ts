import { eventLinks, eventTypeFromStreetManager, objectTypeFromStreetManager } from '../event-vocabulary';
import type { NewGatewayEvent } from '../gateway-event';

/**
 * Street Manager's two ways of telling us about a change, both mapped to our event. The dedupe key is Street
 * Manager's update id, the one both carry: the Event API row's `update_id` and the Event Notifier message's
 * `event_reference` (assumed to be the same audit id, V6-A24; V6 documents neither as equal to the other, and if
 * they differed a change seen both ways would be logged twice, never lost).
 */
export interface MappedEvent {
  event: NewGatewayEvent;
  dedupeKey: string;
}

export const dedupeKeyOf = (updateId: number): string => `sm-update:${updateId}`;

/** An Event API row (`GET /event/works/updates`), as far as we read it. */
export interface WorkUpdateRow {
  work_reference_number: string;
  update_date_time: string;
  update_id: number;
  event_type: string;
  object_type: string;
  object_reference_number?: string | null;
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9_/.-]{0,99}$/;
const PLACEHOLDERS = new Set(['upcoming_event', 'upcoming_enum']);

function isoOrNull(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 40) {
    return null;
  }
  const t = Date.parse(value);
  return Number.isFinite(t) ? new Date(t).toISOString() : null;
}

/** null for a row we cannot represent (a placeholder, a malformed field): skipped, the cursor moves on. */
export function fromWorkUpdate(row: WorkUpdateRow, organisation: string): MappedEvent | null {
  const type = PLACEHOLDERS.has(row.event_type) ? null : eventTypeFromStreetManager(row.event_type);
  const occurredAt = isoOrNull(row.update_date_time);
  const object =
    typeof row.object_type === 'string' &&
    /^[a-z0-9_]{1,50}$/.test(row.object_type) &&
    !PLACEHOLDERS.has(row.object_type)
      ? row.object_type
      : null;
  const work = row.work_reference_number;
  const reference = row.object_reference_number ?? work;
  if (
    !type ||
    !occurredAt ||
    !object ||
    !Number.isSafeInteger(row.update_id) ||
    !REFERENCE.test(work) ||
    !REFERENCE.test(reference)
  ) {
    return null;
  }
  const objectType = objectTypeFromStreetManager(object);
  return {
    event: {
      organisation,
      type,
      occurredAt,
      workReferenceNumber: work,
      objectType,
      objectReference: reference,
      links: eventLinks(work, objectType, reference),
    },
    dedupeKey: dedupeKeyOf(row.update_id),
  };
}

/** Event Notifier `event_type` → the audit event name the Event API uses for the same change. */
const NOTIFIER_EVENTS: Record<string, string> = {
  WORK_START: 'work_start_logged',
  WORK_STOP: 'work_stop_logged',
  WORK_START_REVERTED: 'work_start_reverted',
  WORK_STOP_REVERTED: 'work_stop_reverted',
  PERMIT_GRANTED: 'permit_granted',
  PERMIT_ALTERATION_GRANTED: 'alteration_granted',
  PERMIT_CANCELLED: 'permit_cancelled',
  PERMIT_REVOKED: 'permit_revoked',
  PERMIT_SUBMITTED: 'permit_submitted',
  PERMIT_REFUSED: 'permit_refused',
  ACTIVITY_CREATED: 'activity_submitted',
  ACTIVITY_UPDATED: 'activity_edited',
  ACTIVITY_CANCELLED: 'activity_cancelled',
};

export class NotifierMessageError extends Error {}

/**
 * The `Message` of a verified SNS notification: Street Manager's Event Notifier message
 * (event-notifier-message.json). Only what we keep is read; everything else in `object_data` stays behind.
 */
export function fromNotifierMessage(message: string, organisation: string): MappedEvent {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    throw new NotifierMessageError('Message is not JSON');
  }
  const m = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const data = (typeof m.object_data === 'object' && m.object_data !== null ? m.object_data : {}) as Record<
    string,
    unknown
  >;
  const audit = typeof m.event_type === 'string' ? NOTIFIER_EVENTS[m.event_type] : undefined;
  const occurredAt = isoOrNull(m.event_time);
  const reference = m.object_reference;
  const objectType =
    m.object_type === 'PERMIT' ? 'permit' : m.object_type === 'ACTIVITY' ? 'activity' : undefined;
  const work = typeof data.work_reference_number === 'string' ? data.work_reference_number : reference;
  if (
    typeof m.event_reference !== 'number' ||
    !Number.isSafeInteger(m.event_reference) ||
    m.event_reference < 0
  ) {
    throw new NotifierMessageError('event_reference must be a non-negative integer');
  }
  if (
    !audit ||
    !occurredAt ||
    !objectType ||
    typeof reference !== 'string' ||
    !REFERENCE.test(reference) ||
    typeof work !== 'string' ||
    !REFERENCE.test(work)
  ) {
    throw new NotifierMessageError(
      'not an Event Notifier message we know (event_type, event_time, object_type, object_reference)',
    );
  }
  return {
    event: {
      organisation,
      type: eventTypeFromStreetManager(audit)!,
      occurredAt,
      workReferenceNumber: work,
      objectType,
      objectReference: reference,
      links: eventLinks(work, objectType, reference),
    },
    dedupeKey: dedupeKeyOf(m.event_reference),
  };
}
