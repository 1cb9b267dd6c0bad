import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { UpstreamForbiddenError } from '../upstreams/http/upstream-errors';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../upstreams/street-manager/street-manager-endpoints';

/**
 * Which organisation's log a caller reads (and whose webhooks it owns): the Street Manager credential it acts with,
 * chosen as StreetManagerSessions chooses it (SWA code padded to four digits; no organisation = the default
 * credential). The intake fills one log per credential, so this is the only key that finds a caller's events.
 */
@Injectable()
export class EventOrganisations {
  private readonly ids: Set<string>;
  private readonly defaultId: string;

  constructor(@Inject(STREET_MANAGER_ENDPOINTS) endpoints: StreetManagerEndpoints) {
    this.ids = new Set(endpoints.credentials.map((c) => c.id));
    this.defaultId = endpoints.defaultCredentialId;
  }

  /** An organisation the gateway holds no credential for is refused, as its Street Manager calls would be. */
  of(caller: Pick<Caller, 'organisation'>): string {
    const organisation = caller.organisation?.padStart(4, '0') ?? this.defaultId;
    if (!this.ids.has(organisation)) {
      throw new UpstreamForbiddenError(
        `the gateway is not set up to act in Street Manager for organisation ${organisation}`,
      );
    }
    return organisation;
  }
}
