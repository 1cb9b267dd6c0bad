/**
 * Deliveries in flight per receiver (URL origin), in this instance. A receiver at its limit gets no more until one
 * finishes; its jobs wait in the queue's delayed set instead of holding workers that other receivers need.
 */
export class ReceiverSlots {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly perReceiver: number) {}

  tryAcquire(receiver: string): boolean {
    const current = this.inFlight.get(receiver) ?? 0;
    if (current >= this.perReceiver) {
      return false;
    }
    this.inFlight.set(receiver, current + 1);
    return true;
  }

  release(receiver: string): void {
    const current = this.inFlight.get(receiver) ?? 0;
    if (current <= 1) {
      this.inFlight.delete(receiver);
    } else {
      this.inFlight.set(receiver, current - 1);
    }
  }
}
