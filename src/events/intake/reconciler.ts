import { Logger } from '@nestjs/common';
import type { EventLog } from '../gateway-event';
import type { IntakeMetrics } from './intake-metrics';
import type { IntakeCredential, IntakeSettings } from './intake-settings';
import type { IntakeState } from './intake-state';
import type { StreetManagerEventApi } from './street-manager-event-api';
import { fromWorkUpdate } from './street-manager-events';

const PAGE_SIZE = 250;
/** Pages per credential per run: a long backlog is worked off over several runs instead of one long burst. */
const MAX_PAGES_PER_RUN = 20;
/** Longer than a run of MAX_PAGES_PER_RUN pages can take; lapses if the instance dies mid-run. */
const LEASE_MS = 5 * 60_000;

export interface ReconcileResult {
  read: number;
  stored: number;
}

/**
 * Reads each credential's Event API cursor and appends what the log lacks (a notification SNS dropped or never sent:
 * Street Manager notifies only some event types). The log's dedupe key is Street Manager's update id, so a change
 * seen both ways is stored once. The cursor is shared, and a lease lets one instance at a time read a credential.
 */
export class Reconciler {
  private readonly logger = new Logger('EventIntake');
  private readonly running = new Set<string>();
  /** per credential: when the last run succeeded (health) */
  readonly lastSuccess = new Map<string, number>();

  constructor(
    private readonly settings: IntakeSettings,
    private readonly state: IntakeState,
    private readonly api: StreetManagerEventApi,
    private readonly log: EventLog,
    private readonly metrics: IntakeMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  async runAll(): Promise<Record<string, ReconcileResult | 'elsewhere' | 'failed'>> {
    const results: Record<string, ReconcileResult | 'elsewhere' | 'failed'> = {};
    for (const credential of this.settings.credentials) {
      try {
        results[credential.id] = await this.run(credential);
      } catch (e) {
        results[credential.id] = 'failed';
        this.logger.warn(
          { credential: credential.id, reason: e instanceof Error ? e.message : 'unknown' },
          'reconciling from the Event API failed; the next run continues from the same cursor',
        );
      }
    }
    return results;
  }

  async run(credential: IntakeCredential): Promise<ReconcileResult | 'elsewhere'> {
    if (this.running.has(credential.id)) {
      return 'elsewhere';
    }
    this.running.add(credential.id);
    try {
      return await this.state.withLease(credential.id, 'reconcile', LEASE_MS, () => this.read(credential));
    } finally {
      this.running.delete(credential.id);
    }
  }

  private async read(credential: IntakeCredential): Promise<ReconcileResult> {
    const result = { read: 0, stored: 0 };
    // The very first run starts from a time (the backfill) and keeps that anchor until it has seen an update id:
    // a window moving with the clock would skip what happened between two runs.
    let cursor = await this.state.cursor(credential.id);
    if (cursor === undefined) {
      cursor = { since: new Date(this.now() - this.settings.backfillMs).toISOString() };
      await this.state.saveCursor(credential.id, cursor);
    }
    for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
      const { rows, nextUpdate } = await this.api.workUpdates(
        credential.organisation,
        'updateId' in cursor
          ? { updateId: cursor.updateId, pageSize: PAGE_SIZE }
          : { startDate: cursor.since, pageSize: PAGE_SIZE },
      );
      for (const row of rows) {
        const mapped = fromWorkUpdate(row, credential.id);
        if (mapped && (await this.log.append(mapped.event, mapped.dedupeKey))) {
          result.stored++;
          this.metrics.stored.inc({ source: 'reconciler' });
        }
      }
      result.read += rows.length;
      const next = nextUpdate ?? rows.at(-1)?.update_id;
      if (next !== undefined && !('updateId' in cursor && cursor.updateId === next)) {
        cursor = { updateId: next };
        await this.state.saveCursor(credential.id, cursor);
      }
      if (nextUpdate === null || rows.length === 0) {
        break;
      }
    }
    this.lastSuccess.set(credential.id, this.now());
    if (result.stored > 0) {
      this.logger.log(
        { credential: credential.id, ...result },
        'reconciler stored events the notifications had not brought',
      );
    }
    return result;
  }
}
