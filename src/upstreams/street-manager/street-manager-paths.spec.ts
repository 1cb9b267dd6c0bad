import { fillPath, queryString } from './street-manager.transport';

describe('Street Manager request building', () => {
  it('encodes path parameters so a reference cannot change the path', () => {
    expect(
      fillPath('/works/{workReferenceNumber}/permits/{permitReferenceNumber}', {
        workReferenceNumber: '../admin',
        permitReferenceNumber: 'A B?x=1',
      }),
    ).toBe('/works/..%2Fadmin/permits/A%20B%3Fx%3D1');
  });

  it('answers 404 for dot-segment references instead of climbing the path', () => {
    expect(() => fillPath('/works/{workReferenceNumber}', { workReferenceNumber: '..' })).toThrow(
      'the resource was not found',
    );
  });

  it('refuses to build a path with a missing parameter', () => {
    expect(() => fillPath('/works/{workReferenceNumber}', {})).toThrow(
      'path parameter workReferenceNumber missing',
    );
  });

  it('repeats array values and leaves out empty ones', () => {
    expect(queryString({ status: ['a', 'b'], offset: 25, flag: false, none: undefined, nothing: null })).toBe(
      '?status=a&status=b&offset=25&flag=false',
    );
    expect(queryString({})).toBe('');
  });
});
