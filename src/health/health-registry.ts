import { Injectable } from '@nestjs/common';

/** A dependency check: resolves with optional detail when healthy, throws (with a safe message) when not. */
export type DependencyCheck = (signal: AbortSignal) => Promise<Record<string, unknown> | void>;

/**
 * Modules that own a dependency (Street Manager APIs, inner APIs, Redis) register its check here at init;
 * /healthcheck runs whatever is registered. Keeps health/ ignorant of what the dependencies are.
 */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, DependencyCheck>();

  register(name: string, check: DependencyCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  entries(): [string, DependencyCheck][] {
    return [...this.checks.entries()].sort(([a], [b]) => a.localeCompare(b));
  }
}
