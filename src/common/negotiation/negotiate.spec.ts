import { negotiate } from './negotiate';

const DEFAULT = ['application/json', 'application/xml'];
const GEO = ['application/json', 'application/xml', 'application/geo+json'];

describe('negotiate', () => {
  it.each([
    [undefined, 'application/json'],
    ['', 'application/json'],
    ['*/*', 'application/json'],
    ['application/*', 'application/json'],
    ['application/json', 'application/json'],
    ['application/json; charset=utf-8', 'application/json'],
    ['application/xml', 'application/xml'],
    ['APPLICATION/XML', 'application/xml'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'application/xml'],
    ['application/xml;q=0.5, application/json', 'application/json'],
    ['application/xml, application/json', 'application/xml'],
    ['application/xml;q=0, */*', 'application/json'],
    ['text/html', undefined],
    ['application/json;q=0', undefined],
    ['application/geo+json', undefined],
    ['not a media type', undefined],
  ])('Accept %p → %p on a default route', (accept, expected) => {
    expect(negotiate(accept, undefined, DEFAULT)).toBe(expected);
  });

  it.each([
    ['application/geo+json', 'application/geo+json'],
    ['application/geo+json, application/json', 'application/geo+json'],
    ['application/json, application/geo+json', 'application/json'],
    ['application/*;q=0.5, application/geo+json', 'application/geo+json'],
    ['*/*', 'application/json'],
  ])('Accept %p → %p on a route that also produces GeoJSON', (accept, expected) => {
    expect(negotiate(accept, undefined, GEO)).toBe(expected);
  });

  it('a suffix wins over the Accept header', () => {
    expect(negotiate('application/json', 'xml', DEFAULT)).toBe('application/xml');
    expect(negotiate('application/xml', 'json', DEFAULT)).toBe('application/json');
  });

  it('a suffix the route cannot produce is unacceptable', () => {
    expect(negotiate(undefined, 'xml', ['application/json'])).toBeUndefined();
  });
});
