import type { Clock } from '../common/clock';
import type { StreetManagerApi } from '../upstreams/street-manager/contract/street-manager-contract';
import type { FaultRule } from './sandbox-faults';

/** The contract between the embedded Street Manager sandbox and whoever starts it (gateway, tests, bench). */
export interface SandboxOptions {
  /** 0 (default) = an ephemeral loopback port */
  port?: number;
  host?: string;
  /** lifetime of issued Street Manager id/access tokens, seconds (default 3600; tests use a few seconds) */
  tokenLifetimeSeconds?: number;
  /** lifetime of inner-API client-credentials tokens, seconds (default 3600) */
  innerTokenLifetimeSeconds?: number;
  /** seed for the deterministic data set (default 1) */
  seed?: number;
  /** number of seeded works (default 600) */
  works?: number;
  /** the "now" the seeded dates are spread around (default: the start of the clock's current UTC day) */
  referenceTime?: string | number | Date;
  /** lifetime of issued refresh tokens, seconds (default 86400, as Street Manager) */
  refreshTokenLifetimeSeconds?: number;
  /**
   * Also check every 2xx answer against the V6 files, strictly, and record a mismatch as a contract violation of
   * kind `answer`. Off by default: the gateway already checks what it reads, so only contract tests turn it on.
   */
  checkAnswers?: boolean;
  /** faults active from the start; the same rules as `POST /__admin/faults` */
  faults?: FaultRule[];
  /**
   * The sandbox's time (default: the system clock): tokens are issued and checked in it, latency faults wait on it,
   * it is the worklists' "today" and gives the default reference time. Tests share one with the gateway and move it,
   * or pin it (with `referenceTime`) so that day-bound answers do not depend on when they run.
   */
  clock?: Clock;
}

export interface SandboxUser {
  email: string;
  password: string;
  organisationSwaCode: string;
  organisationName: string;
  organisationType: 'promoter' | 'highway_authority' | 'contractor';
}

export interface RunningSandbox {
  /** origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Street Manager API bases, as the real service lays them out: `${url}/v6/work`, ... */
  baseUrls: Record<StreetManagerApi, string>;
  /** the inner API(s) the sandbox serves and the Azure-AD-shaped token endpoint that guards them */
  inner: {
    worksRegisterUrl: string;
    /** whose register it is: the demo default credential's promoter */
    worksRegisterOrganisations: string[];
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    scope: string;
  };
  /** seeded Street Manager users, one per organisation */
  users: SandboxUser[];
  close(): Promise<void>;
}
