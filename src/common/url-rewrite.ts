import type { IncomingMessage } from 'node:http';

export const API_VERSIONS = ['1'] as const;
export const LATEST_VERSION = API_VERSIONS[API_VERSIONS.length - 1];

/** Paths that are not part of a versioned resource tree (operator routes, the Street Manager notification receiver) and so are never rewritten to the latest version. */
const UNVERSIONED = /^\/(status|healthcheck|metrics|street-manager)(\/|\?|$)/;
const VERSIONED = /^\/v\d+(\/|\?|$)/;
const FORMAT_SUFFIX = /\.(json|xml)(?=\?|$)/;

/** Where the `.json` / `.xml` suffix, if any, is recorded on the raw request for content negotiation. */
export const FORMAT_FROM_SUFFIX = Symbol('formatFromSuffix');
export type RawRequestWithFormat = IncomingMessage & { [FORMAT_FROM_SUFFIX]?: 'json' | 'xml' };

/**
 * A path without a version goes to the latest one (GDS); a format suffix becomes a representation choice.
 * Done as a URL rewrite so routes, docs and logs only ever know the canonical `/v1/...` form.
 */
export function rewriteUrl(req: RawRequestWithFormat): string {
  let url = req.url ?? '/';
  const suffix = FORMAT_SUFFIX.exec(url);
  if (suffix) {
    req[FORMAT_FROM_SUFFIX] = suffix[1] as 'json' | 'xml';
    url = url.replace(FORMAT_SUFFIX, '');
  }
  if (!VERSIONED.test(url) && !UNVERSIONED.test(url)) {
    url = `/v${LATEST_VERSION}${url === '/' ? '' : url}`;
  }
  return url;
}
