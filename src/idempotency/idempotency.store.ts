/** What a completed POST answered, kept to be replayed. */
export interface StoredResponse {
  status: number;
  body: unknown;
  /** response headers worth replaying (Location) */
  headers: Record<string, string>;
  /** the write may have reached Street Manager but its answer was lost: replays repeat that, never send again */
  outcomeUnknown?: true;
}

export type BeginResult =
  /** the key is new: the caller now holds it and must complete() or release() it */
  | { state: 'acquired' }
  | { state: 'in-flight'; fingerprint: string }
  | { state: 'completed'; fingerprint: string; response: StoredResponse };

/**
 * Idempotency records, keyed per client. begin() must be atomic (check-and-lock in one step): with a shared
 * store (Redis, the scale-out issue) two instances receiving the same key at once must not both acquire it.
 */
export interface IdempotencyStore {
  begin(key: string, fingerprint: string): Promise<BeginResult>;
  complete(key: string, fingerprint: string, response: StoredResponse): Promise<void>;
  /** forgets an in-flight key whose request failed, so the client may retry it */
  release(key: string): Promise<void>;
}

export const IDEMPOTENCY_STORE = Symbol('IdempotencyStore');
