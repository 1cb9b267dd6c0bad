import { Logger } from '@nestjs/common';
import type { Clock } from '../common/clock';
import { credential } from '../config/street-manager.config';
import type { StreetManagerEndpoints } from '../upstreams/street-manager/street-manager-endpoints';
import { createSandbox } from './sandbox';
import type { RunningSandbox } from './sandbox.types';

/** Every seeded user becomes a credential; the first promoter is the default, as a typical integrator would be. */
export function endpointsFromSandbox(sandbox: RunningSandbox, ownsSandbox = false): StreetManagerEndpoints {
  const credentials = sandbox.users.map((u) => credential(u.email, u.password, u.organisationSwaCode));
  const promoter = sandbox.users.find((u) => u.organisationType === 'promoter') ?? sandbox.users[0];
  return {
    baseUrls: { ...sandbox.baseUrls },
    credentials,
    defaultCredentialId: promoter?.organisationSwaCode ?? 'default',
    sandbox,
    ownsSandbox,
  };
}

/** The gateway without a configured Street Manager: an embedded sandbox that the gateway owns and closes. */
export async function startEmbeddedSandbox(clock?: Clock): Promise<StreetManagerEndpoints> {
  const sandbox = await createSandbox({ clock });
  new Logger('StreetManager').warn(
    `STREET_MANAGER_URL is not set: using the EMBEDDED SANDBOX at ${sandbox.url} with seeded test data. ` +
      'This is not Street Manager; never use this configuration in production.',
  );
  return endpointsFromSandbox(sandbox, true);
}
