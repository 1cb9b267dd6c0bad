import { XMLValidator } from 'fast-xml-parser';
import { singular, toXml, xmlName, xmlRootForRoute } from './xml';

describe('xml rendering', () => {
  it.each([
    ['results', 'result'],
    ['links', 'link'],
    ['activities', 'activity'],
    ['addresses', 'address'],
    ['boxes', 'box'],
    ['features', 'feature'],
    ['status', 'statusItem'],
    ['data', 'dataItem'],
    ['address', 'addressItem'],
  ])('singular(%p) is %p', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });

  it.each([
    ['workReferenceNumber', 'workReferenceNumber'],
    ['street-manager', 'street-manager'],
    ['has space', 'has_space'],
    ['1st', '_1st'],
    ['xmlns', '_xmlns'],
    ['@_attr', '__attr'],
    ['#text', '_text'],
    ['', '_'],
  ])('xmlName(%p) is %p', (name, safe) => {
    expect(xmlName(name)).toBe(safe);
  });

  it.each([
    ['/v1/works', 'works'],
    ['/v1/works/:workReferenceNumber', 'work'],
    ['/v1/works/:ref/permits', 'permits'],
    ['/v1/fixed-penalty-notices/:id', 'fixedPenaltyNotice'],
    ['/v1/permits/:id/status', 'status'],
    ['/status', 'status'],
    ['/v1/me', 'me'],
    [undefined, 'response'],
  ])('the root for %p is %p', (route, root) => {
    expect(xmlRootForRoute(route)).toBe(root);
  });

  it('renders nested arrays with item elements, null as empty, drops undefined, uses toJSON', () => {
    const xml = toXml({ coordinates: [[1, 2]], gone: undefined, none: null, when: new Date(0) }, 'shape');
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<shape>',
        '  <coordinates>',
        '    <coordinate>',
        '      <item>1</item>',
        '      <item>2</item>',
        '    </coordinate>',
        '  </coordinates>',
        '  <none/>',
        '  <when>1970-01-01T00:00:00.000Z</when>',
        '</shape>',
        '',
      ].join('\n'),
    );
  });

  it('stays well-formed whatever the strings and keys hold', () => {
    const xml = toXml({ 'a b': 'x]]><y>&"\'\u0001z', '<evil>': { '9': true } }, 'odd root!');
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<odd_root_>');
    expect(xml).not.toContain('\u0001');
  });
});
