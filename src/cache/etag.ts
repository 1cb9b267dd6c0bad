import { hash } from 'node:crypto';

/** A strong validator: the same bytes, and only the same bytes, give the same tag. A string counts as its UTF-8. */
export function strongEtag(body: Buffer | string): string {
  // One-shot hash: no Hash object per response.
  return `"${hash('sha256', body, 'base64url').slice(0, 32)}"`;
}

/**
 * Whether `If-None-Match` names this tag (RFC 9110 §13.1.2: weak comparison, `*` matches any current
 * representation, a list is comma-separated). A weak form of our strong tag matches too.
 */
export function ifNoneMatchHits(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) {
    return false;
  }
  const value = Array.isArray(header) ? header.join(',') : header;
  if (value.trim() === '*') {
    return true;
  }
  return value.split(',').some((candidate) => {
    const tag = candidate.trim();
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag;
  });
}

/** `*` or a comma-separated list of entity tags (RFC 9110 §8.8.3), visible ASCII only. */
export const IF_NONE_MATCH = /^(\*|(W\/)?"[\x21\x23-\x7e]*"(\s*,\s*(W\/)?"[\x21\x23-\x7e]*")*)$/;
/** A client sends back the few tags it holds; ours are 34 characters each. */
export const IF_NONE_MATCH_MAX_LENGTH = 1024;

/** Why an If-None-Match header is refused (a 400), or null; the header is optional. */
export function ifNoneMatchProblem(header: string | string[] | undefined): string | null {
  if (header === undefined) {
    return null;
  }
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (value.length > IF_NONE_MATCH_MAX_LENGTH) {
    return `must be at most ${IF_NONE_MATCH_MAX_LENGTH} characters`;
  }
  return IF_NONE_MATCH.test(value.trim())
    ? null
    : 'must be * or a comma-separated list of entity tags such as "abc"';
}
