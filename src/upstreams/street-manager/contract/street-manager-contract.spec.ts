import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRequest, checkResponse, matchOperation, precompile, type StreetManagerApi } from './street-manager-contract';
import { findProjectRoot } from './spec-files';

describe('Street Manager contract', () => {
  it('matches literal paths before parameterised ones and strips the query string', () => {
    expect(matchOperation('reporting', 'GET', '/works/updates?update_id=3')).toEqual({ pathTemplate: '/works/updates' });
    expect(matchOperation('work', 'get', '/works/ABC123/permits/ABC123-01')).toEqual({
      pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}',
    });
    expect(matchOperation('work', 'PUT', '/works/ABC123/permits/ABC123-01/status')).toEqual({
      pathTemplate: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status',
    });
    expect(matchOperation('work', 'GET', '/no/such/path')).toBeUndefined();
    expect(matchOperation('work', 'DELETE', '/works/ABC123')).toBeUndefined();
  });

  it('accepts a conforming reporting page and names what is wrong with a broken one', () => {
    expect(checkResponse('reporting', 'GET', '/permits', 200, { pagination: { has_next_page: false, total_rows: 0 }, rows: [] })).toEqual({
      valid: true,
      errors: [],
    });
    const broken = checkResponse('reporting', 'GET', '/permits', 200, { pagination: { has_next_page: 'no' }, rows: {}, extra: 1 });
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

  it('treats enums that list upcoming_enum as open, and closed enums as closed', () => {
    const token = { emailAddress: 'a@b.c', password: 'x' };
    expect(checkRequest('work', 'POST', '/authenticate', token).valid).toBe(true);
    expect(checkRequest('work', 'POST', '/authenticate', { emailAddress: 'a@b.c' }).errors).toEqual(["(root) must have required property 'password'"]);
    // PermitStatusResponse lists upcoming_enum: a value from a later release must not break reading.
    const org = { name: 'X', organisation_reference: '0001', organisation_status: 'hibernating' };
    expect(checkResponse('party', 'GET', '/organisations', 200, [org]).valid).toBe(true);
    // PermitStatus (a request enum) is closed.
    expect(checkRequest('work', 'PUT', '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status', { permit_status: 'hibernating' }).valid).toBe(false);
  });

  it('accepts null where the spec says nullable, including nullable allOf references', () => {
    const summary = { permit_reference_number: 'A-01', proposed_start_date: '2026-01-01T00:00:00.000Z', proposed_end_date: '2026-01-02T00:00:00.000Z', permit_status: 'granted', permit_status_string: 'Granted', work_category: 'minor', work_category_string: 'Minor', actual_start_date: null };
    expect(checkResponse('reporting', 'GET', '/comments', 200, { pagination: { has_next_page: false, total_rows: 0 }, rows: [] }).valid).toBe(true);
    expect(checkResponse('work', 'GET', '/works/{workReferenceNumber}/permits/{permitReferenceNumber}', 200, summary).valid).toBe(false);
    expect(checkResponse('party', 'POST', '/refresh', 200, { id_token: 'a', access_token: 'b' }).valid).toBe(true);
  });

  it('is valid where the spec has no schema (204, undocumented statuses)', () => {
    expect(checkResponse('party', 'POST', '/logout', 204, undefined)).toEqual({ valid: true, errors: [] });
    expect(checkResponse('work', 'POST', '/works', 409, { message: 'x' })).toEqual({ valid: true, errors: [] });
  });

  it('reports an unknown operation instead of throwing', () => {
    expect(checkResponse('work', 'GET', '/nope', 200, {}).valid).toBe(false);
  });

  it('compiles every operation of every spec', () => {
    const files: Record<StreetManagerApi, string> = {
      work: 'work-swagger.json',
      reporting: 'reporting-swagger.patched.json',
      party: 'party-swagger.json',
      lookup: 'lookup-swagger.json',
      geojson: 'geojson-swagger.json',
    };
    for (const [api, file] of Object.entries(files) as [StreetManagerApi, string][]) {
      const spec = JSON.parse(readFileSync(join(findProjectRoot(), 'openapi/upstream/street-manager', file), 'utf8')) as {
        paths: Record<string, Record<string, { responses?: Record<string, unknown>; requestBody?: unknown }>>;
      };
      for (const [path, ops] of Object.entries(spec.paths)) {
        for (const [method, op] of Object.entries(ops)) {
          for (const status of Object.keys(op.responses ?? {})) {
            expect(() => checkResponse(api, method, path, Number(status), {})).not.toThrow();
          }
          if (op.requestBody) {
            expect(() => checkRequest(api, method, path, {})).not.toThrow();
          }
        }
      }
    }
  });
});

describe('precompile', () => {
  it('compiles named operations ahead of use without throwing', () => {
    expect(() => precompile('reporting', [{ method: 'GET', pathTemplate: '/works/updates' }])).not.toThrow();
    expect(checkResponse('reporting', 'GET', '/works/updates', 200, []).valid).toBe(true);
  });
});
