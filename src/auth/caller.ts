import type { Permission } from './permissions';

/**
 * How the gateway sees whoever made the request, set by the auth guard on the request (request.caller)
 * and passed explicitly to services and upstream clients (no request-scoped providers on the hot path).
 */
export interface Caller {
  /** subscription id, or the token's azp/appid; the throttling key */
  clientId: string;
  kind: 'subscription-key' | 'azure-ad' | 'anonymous';
  /** subscription name or app display name, for logs and "who am I" */
  name: string;
  /** the product whose rate limits apply */
  product: string;
  permissions: Permission[];
  /**
   * The Street Manager organisation (SWA code) the caller acts for, when bound to one. Selects the Street
   * Manager credential and scopes what the caller may see; undefined = the gateway's default credential.
   */
  organisation?: string;
  /** sent to Street Manager on writes as internal_user_identifier / internal_user_name */
  userIdentifier: string;
  userName: string;
}
