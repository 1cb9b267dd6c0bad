import {
  checkQuery,
  checkRequest,
  checkResponse,
  matchOperation,
  precompile,
  requestTakes,
} from './street-manager-contract';
import { loadSpec, STREET_MANAGER_CONTRACT_APIS } from './spec-files';

describe('Street Manager contract', () => {
  it('matches literal paths before parameterised ones and strips the query string', () => {
    expect(matchOperation('event', 'GET', '/works/updates?update_id=3')).toEqual({
      pathTemplate: '/works/updates',
    });
    expect(matchOperation('reporting', 'GET', '/works/updates')).toBeUndefined();
    expect(matchOperation('lookup', 'POST', '/nsg/streets/search')).toEqual({
      pathTemplate: '/nsg/streets/search',
    });
    expect(matchOperation('work', 'get', '/works/ABC123/permits/ABC123-01')).toEqual({
      pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}',
    });
    expect(matchOperation('work', 'PUT', '/works/ABC123/permits/ABC123-01/status')).toEqual({
      pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status',
    });
    expect(matchOperation('work', 'GET', '/no/such/path')).toBeUndefined();
    expect(matchOperation('work', 'DELETE', '/works/ABC123')).toBeUndefined();
  });

  it("reads the V6 files' 2XX response class for any 2xx status", () => {
    const page = { rows: [], next_update: null };
    expect(checkResponse('event', 'GET', '/works/updates', 200, page)).toEqual({ valid: true, errors: [] });
    expect(checkResponse('event', 'GET', '/works/updates', 201, { rows: 'x' }).errors).toEqual([
      '/rows must be array',
    ]);
    // a status the file does not describe has no schema
    expect(checkResponse('event', 'GET', '/works/updates', 404, { rows: 'x' }).valid).toBe(true);
  });

  it('checks query strings as Street Manager reads them: declared names, coerced types, enums', () => {
    expect(
      checkQuery('event', 'GET', '/works/updates', {
        update_id: '12',
        page_size: '250',
        workstream_prefix: ['123', '456'],
      }),
    ).toEqual({ valid: true, errors: [] });
    expect(
      checkQuery('event', 'GET', '/works/updates', { update_id: 'twelve', previous_minutes: '5' }).errors,
    ).toEqual([
      'query previous_minutes is not a parameter of GET /works/updates',
      'query update_id must be number',
    ]);
    expect(
      checkQuery('reporting', 'GET', '/permits', {
        status: ['granted', 'under_assessment'],
        include_total_count: 'true',
      }).valid,
    ).toBe(true);
    expect(checkQuery('reporting', 'GET', '/permits', { status: ['hibernating'] }).errors).toEqual([
      'query status/0 must be equal to one of the allowed values',
    ]);
    expect(checkQuery('lookup', 'GET', '/nsg/search', {}).errors).toEqual([
      'query must have required parameter query',
    ]);
  });

  it('accepts a conforming reporting page and names what is wrong with a broken one', () => {
    expect(
      checkResponse('reporting', 'GET', '/permits', 200, {
        pagination: { has_next_page: false, total_rows: 0 },
        rows: [],
      }),
    ).toEqual({
      valid: true,
      errors: [],
    });
    const broken = checkResponse(
      'reporting',
      'GET',
      '/permits',
      200,
      { pagination: { has_next_page: 'no' }, rows: {}, extra: 1 },
      'response-strict',
    );
    expect(broken.valid).toBe(false);
    expect(broken.errors).toEqual(
      expect.arrayContaining([
        '(root) must NOT have additional properties: extra',
        "/pagination must have required property 'total_rows'",
        '/pagination/has_next_page must be boolean',
        '/rows must be array',
      ]),
    );
  });

  it('reads answers tolerantly: a field added in a minor release is no error, the strict reading names it', () => {
    const page = { pagination: { has_next_page: false, total_rows: 0 }, rows: [], added_later: true };
    expect(checkResponse('reporting', 'GET', '/permits', 200, page).valid).toBe(true);
    expect(checkResponse('reporting', 'GET', '/permits', 200, page, 'response-strict').errors).toEqual([
      '(root) must NOT have additional properties: added_later',
    ]);
  });

  it('treats every response enum as open and request enums as closed', () => {
    const token = { emailAddress: 'a@b.c', password: 'x' };
    expect(checkRequest('work', 'POST', '/authenticate', token).valid).toBe(true);
    expect(checkRequest('work', 'POST', '/authenticate', { emailAddress: 'a@b.c' }).errors).toEqual([
      "(root) must have required property 'password'",
    ]);
    // A value from a later release must not break reading.
    const org = { name: 'X', organisation_reference: '0001', organisation_status: 'hibernating' };
    expect(checkResponse('party', 'GET', '/organisations', 200, [org]).valid).toBe(true);
    const row = {
      work_reference_number: 'W1',
      location_description: 'x',
      street: 's',
      town: 't',
      area: 'a',
      work_status: 'paused_by_frost',
      work_status_string: 'x',
      work_start_date: '2026-01-01T00:00:00.000Z',
      work_end_date: '2026-01-02T00:00:00.000Z',
    };
    expect(checkResponse('reporting', 'GET', '/works', 200, { rows: [row] }).valid).toBe(true);
    // V6's additions are in the files, so they pass the strict reading too.
    expect(
      checkResponse(
        'reporting',
        'GET',
        '/works',
        200,
        { rows: [{ ...row, work_status: 'in_progress' }] },
        'response-strict',
      ).valid,
    ).toBe(true);
    // PermitStatus (a request enum) is closed.
    expect(
      checkRequest('work', 'PUT', '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status', {
        permit_status: 'hibernating',
      }).valid,
    ).toBe(false);
  });

  it('accepts null where the spec says nullable, including nullable allOf references', () => {
    const summary = {
      permit_reference_number: 'A-01',
      proposed_start_date: '2026-01-01T00:00:00.000Z',
      proposed_end_date: '2026-01-02T00:00:00.000Z',
      permit_status: 'granted',
      permit_status_string: 'Granted',
      work_category: 'minor',
      work_category_string: 'Minor',
      actual_start_date: null,
    };
    expect(
      checkResponse('reporting', 'GET', '/comments', 200, {
        pagination: { has_next_page: false, total_rows: 0 },
        rows: [],
      }).valid,
    ).toBe(true);
    expect(
      checkResponse(
        'work',
        'GET',
        '/works/{workReferenceNumber}/permits/{permitReferenceNumber}',
        200,
        summary,
      ).valid,
    ).toBe(false);
    expect(checkResponse('party', 'POST', '/refresh', 200, { id_token: 'a', access_token: 'b' }).valid).toBe(
      true,
    );
    expect(checkResponse('event', 'GET', '/works/updates', 200, { rows: [], next_update: null }).valid).toBe(
      true,
    );
  });

  it('reads a work answer as before: nulls where nullable, a wrong type or a bad date-time is a mismatch', () => {
    const row = {
      work_reference_number: 'W1',
      location_description: 'x',
      street: 's',
      town: 't',
      area: 'a',
      work_status: 'planned',
      work_status_string: 'x',
      work_start_date: '2026-01-01T00:00:00.000Z',
      work_end_date: '2026-01-02T00:00:00Z',
      work_start_time: null,
      work_end_time: '2026-01-02T10:00:00+01:00',
    };
    const read = (changes: object) =>
      checkResponse('reporting', 'GET', '/works', 200, { rows: [{ ...row, ...changes }] });
    expect(read({}).valid).toBe(true);
    expect(
      [
        read({ work_end_time: 5 }),
        read({ work_start_date: '2026-02-30T00:00:00Z' }),
        read({ work_reference_number: null }),
      ].map((c) => c.errors),
    ).toEqual([
      ['/rows/0/work_end_time must be string,null'],
      ['/rows/0/work_start_date must match format "date-time"'],
      ['/rows/0/work_reference_number must be string'],
    ]);
  });

  it('is valid where the spec has no schema (204, undocumented statuses)', () => {
    expect(checkResponse('party', 'POST', '/logout', 204, undefined)).toEqual({ valid: true, errors: [] });
    expect(checkResponse('work', 'POST', '/works', 409, { message: 'x' })).toEqual({
      valid: true,
      errors: [],
    });
    expect(
      checkResponse(
        'worklist',
        'DELETE',
        '/potential-works-overrunning/{permitReferenceNumber}',
        204,
        undefined,
      ),
    ).toEqual({ valid: true, errors: [] });
  });

  it('reports an unknown operation instead of throwing', () => {
    expect(checkResponse('work', 'GET', '/nope', 200, {}).valid).toBe(false);
  });

  it('compiles every operation of every V6 file the gateway uses', () => {
    for (const api of STREET_MANAGER_CONTRACT_APIS) {
      const spec = loadSpec(api);
      for (const [path, ops] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          for (const status of Object.keys(op.responses ?? {})) {
            expect(() =>
              checkResponse(api, method, path, status === '2XX' ? 200 : Number(status), {}),
            ).not.toThrow();
          }
          if (op.requestBody) {
            expect(() => checkRequest(api, method, path, {})).not.toThrow();
          }
        }
      }
    }
  });
});

describe('requestTakes', () => {
  it("says whether an operation's body has a property, through its $ref", () => {
    expect(requestTakes('work', 'POST', '/works', 'internal_user_identifier')).toBe(true);
    expect(requestTakes('lookup', 'POST', '/nsg/streets/search', 'internal_user_identifier')).toBe(false);
    expect(requestTakes('work', 'GET', '/works/{workReferenceNumber}', 'internal_user_identifier')).toBe(
      false,
    );
  });
});

describe('precompile', () => {
  it('compiles named operations ahead of use without throwing', () => {
    expect(() => precompile('event', [{ method: 'GET', pathTemplate: '/works/updates' }])).not.toThrow();
    expect(checkResponse('event', 'GET', '/works/updates', 200, { rows: [] }).valid).toBe(true);
  });
});
