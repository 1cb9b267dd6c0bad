import { type InnerApiSettings, type InnerApisConfig, innerApi } from '../../config/inner-apis.config';
import type { StreetManagerEndpoints } from '../street-manager/street-manager-endpoints';

export const INNER_APIS = Symbol('INNER_APIS');
export const WORKS_REGISTER = 'works-register';

/** Configured inner APIs, plus the sandbox's works register when the gateway runs against a sandbox. */
export function resolveInnerApis(
  config: InnerApisConfig,
  streetManager: StreetManagerEndpoints,
): InnerApiSettings[] {
  const apis = [...config.apis];
  const inner = streetManager.sandbox?.inner;
  if (inner && !apis.some((a) => a.name === WORKS_REGISTER)) {
    apis.push(
      innerApi({
        name: WORKS_REGISTER,
        baseUrl: inner.worksRegisterUrl,
        tokenUrl: inner.tokenUrl,
        clientId: inner.clientId,
        clientSecret: inner.clientSecret,
        scope: inner.scope,
        connectTimeoutMs: 2_000,
        timeoutMs: 5_000,
        totalTimeoutMs: 8_000,
        healthPath: '/health',
        organisations: inner.worksRegisterOrganisations,
      }),
    );
  }
  return apis;
}
