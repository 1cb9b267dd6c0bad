import { Logger } from '@nestjs/common';
import { createSandbox } from '../../sandbox/sandbox';
import type { RunningSandbox } from '../../sandbox/sandbox.types';
import {
  type StreetManagerApiName,
  type StreetManagerConfig,
  type StreetManagerCredential,
  credential,
} from '../../config/street-manager.config';

/**
 * Where Street Manager is and who the gateway signs in as, once resolved at boot. A provider of its own so that
 * tests can inject a sandbox they started (`endpointsFromSandbox(sandbox)`) instead of the embedded one.
 */
export interface StreetManagerEndpoints {
  baseUrls: Record<StreetManagerApiName, string>;
  credentials: StreetManagerCredential[];
  /** the credential used for callers bound to no organisation */
  defaultCredentialId: string;
  /** present when the upstream is a sandbox; the inner-API module takes its works register from here */
  sandbox?: RunningSandbox;
  /** true when StreetManagerModule started the sandbox itself and so must close it */
  ownsSandbox: boolean;
}

export const STREET_MANAGER_ENDPOINTS = Symbol('STREET_MANAGER_ENDPOINTS');

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

export async function resolveEndpoints(config: StreetManagerConfig): Promise<StreetManagerEndpoints> {
  if (config.baseUrls) {
    const seen = new Set<string>();
    const credentials = config.credentials.filter((c) => !seen.has(c.id) && seen.add(c.id));
    return { baseUrls: config.baseUrls, credentials, defaultCredentialId: credentials[0].id, ownsSandbox: false };
  }
  const sandbox = await createSandbox();
  new Logger('StreetManager').warn(
    `STREET_MANAGER_URL is not set: using the EMBEDDED SANDBOX at ${sandbox.url} with seeded test data. ` +
      'This is not Street Manager; never use this configuration in production.',
  );
  return endpointsFromSandbox(sandbox, true);
}
