import {
  type StreetManagerApiName,
  type StreetManagerConfig,
  type StreetManagerCredential,
} from '../../config/street-manager.config';

/**
 * What the gateway needs of an embedded sandbox. Declared here, structurally, so that this layer never imports
 * src/sandbox: AppModule decides whether a sandbox runs at all (street-manager-target.module.ts).
 */
export interface EmbeddedSandbox {
  /** origin, e.g. http://127.0.0.1:41234 */
  url: string;
  /** the works register and its token endpoint served beside the sandbox */
  inner: {
    worksRegisterUrl: string;
    worksRegisterOrganisations: string[];
    tokenUrl: string;
    clientId: string;
    clientSecret: string;
    scope: string;
  };
  /** the sandbox's stand-in for Amazon SNS: the topic of each organisation, and the URLs its certificate and links use */
  sns?: { topicArn(organisation: string): string; urlPattern: RegExp };
  close(): Promise<void>;
}

/**
 * Where Street Manager is and who the gateway signs in as, once resolved at boot. A provider of its own so that
 * tests can inject a sandbox they started (`endpointsFromSandbox(sandbox)` in src/sandbox) instead of the embedded one.
 */
export interface StreetManagerEndpoints {
  baseUrls: Record<StreetManagerApiName, string>;
  credentials: StreetManagerCredential[];
  /** the credential used for callers bound to no organisation */
  defaultCredentialId: string;
  /** present when the upstream is a sandbox; the inner-API module takes its works register from here */
  sandbox?: EmbeddedSandbox;
  /** true when the gateway started the sandbox itself and so must close it */
  ownsSandbox: boolean;
}

export const STREET_MANAGER_ENDPOINTS = Symbol('STREET_MANAGER_ENDPOINTS');

/** The configured Street Manager; undefined when none is configured (the embedded sandbox is then used). */
export function configuredEndpoints(config: StreetManagerConfig): StreetManagerEndpoints | undefined {
  if (!config.baseUrls) {
    return undefined;
  }
  const seen = new Set<string>();
  const credentials = config.credentials.filter((c) => !seen.has(c.id) && seen.add(c.id));
  return {
    baseUrls: config.baseUrls,
    credentials,
    defaultCredentialId: credentials[0].id,
    ownsSandbox: false,
  };
}
