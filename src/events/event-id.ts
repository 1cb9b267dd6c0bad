/**
 * Event ids have the form of a Redis stream id, `<milliseconds>-<sequence>`, in memory too, so a cursor a caller
 * holds means the same thing whichever store produced it.
 */
const EVENT_ID = /^(\d{1,15})-(\d{1,15})$/;

export function isEventId(value: string): boolean {
  return EVENT_ID.test(value);
}

/** Negative when a orders before b. Both must be event ids. */
export function compareEventIds(a: string, b: string): number {
  const [am, as] = split(a);
  const [bm, bs] = split(b);
  return am !== bm ? am - bm : as - bs;
}

/** The time part of an id: when the event was appended. */
export function eventIdTime(id: string): number {
  return split(id)[0];
}

function split(id: string): [number, number] {
  const match = EVENT_ID.exec(id);
  if (!match) {
    throw new TypeError(`not an event id: ${JSON.stringify(id.slice(0, 40))}`);
  }
  return [Number(match[1]), Number(match[2])];
}

/** Sequence numbers stay below this within one millisecond (the log moves to the next one), so an id fits a number. */
export const MAX_SEQUENCE = 1000;

/**
 * An id as one increasing integer (`ms * 1000 + sequence`), for cursors whose contract is a number
 * (`/v1/work-updates`' `updateId`). Safe integers up to the year 2255.
 */
export function eventIdToNumber(id: string): number {
  const [ms, sequence] = split(id);
  return ms * MAX_SEQUENCE + sequence;
}

export function eventIdFromNumber(value: number): string {
  return `${Math.floor(value / MAX_SEQUENCE)}-${value % MAX_SEQUENCE}`;
}
