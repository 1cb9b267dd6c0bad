import { ifNoneMatchHits, strongEtag } from './etag';

describe('strongEtag', () => {
  it('is a quoted strong tag that changes with any byte and only then', () => {
    const tag = strongEtag('{"a":1}');
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(strongEtag(Buffer.from('{"a":1}'))).toBe(tag);
    expect(strongEtag('{"a":2}')).not.toBe(tag);
    expect(strongEtag('{"a":1} ')).not.toBe(tag);
  });
});

describe('ifNoneMatchHits', () => {
  const tag = strongEtag('body');

  it('matches the tag alone, in a list, in its weak form, and *', () => {
    expect(ifNoneMatchHits(tag, tag)).toBe(true);
    expect(ifNoneMatchHits(`"other", ${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits(`W/${tag}`, tag)).toBe(true);
    expect(ifNoneMatchHits('*', tag)).toBe(true);
    expect(ifNoneMatchHits(['"x"', tag], tag)).toBe(true);
  });

  it('does not match another tag, an unquoted one, or no header', () => {
    expect(ifNoneMatchHits('"other"', tag)).toBe(false);
    expect(ifNoneMatchHits(tag.slice(1, -1), tag)).toBe(false);
    expect(ifNoneMatchHits(undefined, tag)).toBe(false);
    expect(ifNoneMatchHits('', tag)).toBe(false);
  });
});
