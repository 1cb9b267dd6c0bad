/**
 * Coalesces identical concurrent work: while a call for a key runs, later callers for the same key share its result or
 * its error instead of starting their own. Nothing is kept once it settles (no caching, errors included).
 *
 * The key must name everything the answer depends on. For upstream GETs that is the upstream credential as well as the
 * method and URL: Street Manager answers depend on the organisation, so coalescing across credentials would leak data.
 */
export class SingleFlight<T> {
  private readonly inflight = new Map<string, Promise<T>>();
  /** callers that joined a call already running, for metrics and tests */
  coalesced = 0;

  run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key);
    if (running) {
      this.coalesced++;
      return running;
    }
    // The executor turns a synchronous throw into a rejection that every joined caller sees alike.
    const started = new Promise<T>((resolve) => resolve(work())).finally(() => this.inflight.delete(key));
    this.inflight.set(key, started);
    return started;
  }

  get size(): number {
    return this.inflight.size;
  }
}
