import { Logger } from '@nestjs/common';
import type { EventListener, GatewayEvent } from './gateway-event';

/**
 * The listeners of one log. Each runs once per appended event; the append waits for them (so a listener that
 * enqueues durably has done so before the sender gets its 2xx), but a listener's failure is logged and never fails
 * the append: the event is stored, and delivery can catch up from the log.
 */
export class EventListeners {
  private readonly logger = new Logger('EventLog');
  private readonly listeners: EventListener[] = [];

  add(listener: EventListener): void {
    this.listeners.push(listener);
  }

  async notify(event: GatewayEvent): Promise<void> {
    await Promise.all(
      this.listeners.map(async (listener) => {
        try {
          await listener(event);
        } catch (e) {
          this.logger.error(
            {
              eventId: event.id,
              organisation: event.organisation,
              type: event.type,
              reason: e instanceof Error ? e.message : 'unknown',
            },
            'an event listener failed; the event stays in the log',
          );
        }
      }),
    );
  }
}
