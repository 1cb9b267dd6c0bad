import { statSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { type AuthConfig, authConfig } from '../../config/auth.config';
import { algorithmOf, digestsEqual, hashKey } from './key-hash';
import { sandboxSubscriptions } from './sandbox-subscriptions';
import { readSubscriptionsFile, type Subscription } from './subscription';

interface Indexed {
  subscription: Subscription;
  digest: string;
}

/**
 * The subscriptions the gateway knows: SUBSCRIPTIONS_FILE, plus the demo ones in sandbox mode. The file is re-read
 * when it changes (polled every SUBSCRIPTIONS_RELOAD_SECONDS), so a rotated or disabled key takes effect without a
 * restart; a file broken on reload is logged and the last good set kept.
 */
@Injectable()
export class SubscriptionStore implements OnModuleDestroy {
  private readonly logger = new Logger('Subscriptions');
  private bySha256 = new Map<string, Indexed>();
  private bySha512 = new Map<string, Indexed>();
  private fileStamp = '';
  private readonly poller?: NodeJS.Timeout;

  constructor(@Inject(authConfig.KEY) private readonly config: AuthConfig) {
    this.load();
    if (config.subscriptionsFile && config.subscriptionsReloadSeconds > 0) {
      this.poller = setInterval(() => this.reloadIfChanged(), config.subscriptionsReloadSeconds * 1000);
      this.poller.unref();
    }
  }

  /**
   * The subscription a presented key belongs to, whatever its state (the caller decides what disabled means).
   * Looked up by the key's digest, then compared in constant time: timing can reveal at most something about a
   * digest the caller cannot steer, never about a stored key.
   */
  find(key: string): Subscription | undefined {
    const sha256 = hashKey(key);
    const hit = this.bySha256.get(sha256);
    if (hit && digestsEqual(hit.digest, sha256)) {
      return hit.subscription;
    }
    if (this.bySha512.size > 0) {
      const sha512 = hashKey(key, 'sha512');
      const hit512 = this.bySha512.get(sha512);
      if (hit512 && digestsEqual(hit512.digest, sha512)) {
        return hit512.subscription;
      }
    }
    return undefined;
  }

  get count(): number {
    return new Set([...this.bySha256.values(), ...this.bySha512.values()].map((i) => i.subscription.id)).size;
  }

  /** Re-reads the file now; throws if it is not valid (the current set stays). */
  reload(): void {
    this.load();
  }

  private reloadIfChanged(): void {
    if (!this.config.subscriptionsFile) {
      return;
    }
    try {
      if (this.stamp(this.config.subscriptionsFile) !== this.fileStamp) {
        this.load();
        this.logger.log(`subscriptions reloaded (${this.count})`);
      }
    } catch (e) {
      this.logger.error(
        `subscriptions file not reloaded, keeping the last good set: ${e instanceof Error ? e.message : 'unknown error'}`,
      );
    }
  }

  private stamp(path: string): string {
    const s = statSync(path);
    return `${s.mtimeMs}:${s.size}`;
  }

  private load(): void {
    const all: Subscription[] = [];
    let stamp = '';
    if (this.config.subscriptionsFile) {
      stamp = this.stamp(this.config.subscriptionsFile);
      all.push(...readSubscriptionsFile(this.config.subscriptionsFile));
    }
    if (this.config.sandbox) {
      const ids = new Set(all.map((s) => s.id));
      all.push(...sandboxSubscriptions(this.config.sandbox).filter((s) => !ids.has(s.id)));
    }
    const bySha256 = new Map<string, Indexed>();
    const bySha512 = new Map<string, Indexed>();
    for (const subscription of all) {
      for (const digest of [subscription.primaryKeyHash, subscription.secondaryKeyHash]) {
        if (digest) {
          (algorithmOf(digest) === 'sha512' ? bySha512 : bySha256).set(digest, { subscription, digest });
        }
      }
    }
    this.bySha256 = bySha256;
    this.bySha512 = bySha512;
    this.fileStamp = stamp;
  }

  onModuleDestroy(): void {
    if (this.poller) {
      clearInterval(this.poller);
    }
  }
}
