import type { IncomingMessage } from 'node:http';

export const API_VERSIONS = ['1'] as const;
export const LATEST_VERSION = API_VERSIONS[API_VERSIONS.length - 1];

/** Paths that are not part of a versioned resource tree and so are never rewritten to the latest version. */
const UNVERSIONED = /^\/(status|healthcheck|metrics)(\/|\?|$)/;
const VERSIONED = /^\/v\d+(\/|\?|$)/;
const FORMAT_SUFFIX = /\.(json|xml)(?=\?|$)/;

/** Longest URL served (nginx's default request-line buffer); longer is a 414, whichever layer notices. */
export const MAX_URL_BYTES = 8 * 1024;

/** `http://host:port` or `https://host` at the start of an absolute-form request target. */
const HTTP_ORIGIN = /^https?:\/\/[^/?#]*/i;

/**
 * The path (origin-form) a request target names, or undefined when it names none. RFC 9112 §3.2.2: a server MUST
 * accept the absolute form (`GET http://host/v1/me`), which some clients send through proxies; its path is served
 * like any other (links are relative, so the authority in it changes nothing). `*` and other schemes name no path.
 */
export function originFormOf(target: string): string | undefined {
  if (target.startsWith('/')) {
    return target;
  }
  const origin = HTTP_ORIGIN.exec(target);
  if (!origin) {
    return undefined;
  }
  const rest = target.slice(origin[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** Where the `.json` / `.xml` suffix, if any, is recorded on the raw request for content negotiation. */
export const FORMAT_FROM_SUFFIX = Symbol('formatFromSuffix');
export type RawRequestWithFormat = IncomingMessage & { [FORMAT_FROM_SUFFIX]?: 'json' | 'xml' };

/**
 * A path without a version goes to the latest one (GDS); a format suffix becomes a representation choice.
 * Done as a URL rewrite so routes, docs and logs only ever know the canonical `/v1/...` form.
 */
export function rewriteUrl(req: RawRequestWithFormat): string {
  const target = req.url ?? '/';
  // A target naming no path is left as it is: the framing check refuses it (request-framing.ts).
  let url = originFormOf(target);
  if (url === undefined) {
    return target;
  }
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
