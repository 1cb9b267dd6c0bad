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
