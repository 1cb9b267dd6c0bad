import { Logger } from '@nestjs/common';
import type { IntakeSettings } from './intake-settings';
import type { Reconciler } from './reconciler';
import type { Subscriptions } from './subscriptions';

/** The intake's periodic work and its health, one object so the module, the operator route and tests share it. */
export class EventIntake {
  private readonly logger = new Logger('EventIntake');
  private readonly startedAt: number;

  constructor(
    readonly settings: IntakeSettings,
    readonly subscriptions: Subscriptions,
    readonly reconciler: Reconciler,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  /** Subscribes what is not yet subscribed, then fills the log from the Event API cursor. */
  async tick(): Promise<void> {
    try {
      await this.subscriptions.ensureAll();
      await this.reconciler.runAll();
    } catch (e) {
      this.logger.warn({ reason: e instanceof Error ? e.message : 'unknown' }, 'event intake run failed');
    }
  }

  /**
   * Healthy while every credential was reconciled within three intervals (the log is then complete up to that
   * point, whatever the notifications did). Detail for the operator port: subscriptions and lag per credential.
   */
  async health(): Promise<Record<string, unknown>> {
    const now = this.now();
    const limit = 3 * this.settings.reconcileIntervalMs + 30_000;
    const lagging: string[] = [];
    const reconciledSecondsAgo: Record<string, number | null> = {};
    for (const credential of this.settings.credentials) {
      const last = this.reconciler.lastSuccess.get(credential.id);
      reconciledSecondsAgo[credential.id] = last === undefined ? null : Math.round((now - last) / 1000);
      if (now - (last ?? this.startedAt) > limit) {
        lagging.push(credential.id);
      }
    }
    if (lagging.length > 0) {
      throw new Error(`not reconciled for more than ${Math.round(limit / 1000)} s: ${lagging.join(', ')}`);
    }
    return { subscriptions: await this.subscriptions.states(), reconciledSecondsAgo };
  }
}
