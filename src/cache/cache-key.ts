import { hash } from 'node:crypto';

/** What a cached answer depends on besides the URL: whose data it is and what its links may offer. */
export interface CacheKeyParts {
  /** the caller's Street Manager organisation (it selects the credential and scopes the data); undefined = the default credential */
  organisation: string | undefined;
  /** internal (Azure AD) callers see data that subscriptions of the same organisation do not (the works register) */
  callerKind: string;
  /** links (actions) depend on these */
  permissions: readonly string[];
  /** the negotiated media type */
  representation: string;
  /** path and full query string, as routed (`/v1/works/ABC?fields=status`) */
  url: string;
}

/**
 * The cache key of one GET answer. Every part is length-prefixed before hashing, so no two different tuples can
 * produce the same input, and the key holds no reference or query value in clear (Redis keys show up in tooling).
 */
export function cacheKey(resource: string, parts: CacheKeyParts): string {
  const fields = [
    parts.organisation === undefined ? '-' : `o${parts.organisation}`,
    parts.callerKind,
    [...parts.permissions].sort().join(' '),
    parts.representation,
    parts.url,
  ];
  let input = '';
  for (const f of fields) {
    input += `${f.length}:${f}`;
  }
  return `cache:${resource}:${hash('sha256', input, 'base64url')}`;
}

const VERSIONED_RESOURCE = /^\/v\d+\/([^/?]+)/;

/** `/v1/works/:workReferenceNumber` → `works`; routes outside the versioned API have no resource (never cached). */
export function resourceOf(routePattern: string | undefined): string | undefined {
  return routePattern ? VERSIONED_RESOURCE.exec(routePattern)?.[1] : undefined;
}
