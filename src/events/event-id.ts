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
