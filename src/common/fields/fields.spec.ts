import { ApiError } from '../errors/api-error';
import { parseFields, selectFields } from './fields';

const KNOWN = ['workReferenceNumber', 'status', 'geometry'] as const;

describe('sparse fieldsets', () => {
  it('keeps only the selected properties and always the links', () => {
    const item = { workReferenceNumber: 'A', status: 'planned', geometry: null, links: [{ rel: 'self' }] };
    expect(selectFields(item, parseFields('status', KNOWN))).toEqual({
      status: 'planned',
      links: [{ rel: 'self' }],
    });
    expect(selectFields(item, parseFields('status,links', KNOWN))).toEqual({
      status: 'planned',
      links: [{ rel: 'self' }],
    });
  });

  it('returns everything without a selection', () => {
    const item = { status: 'planned' };
    expect(selectFields(item, parseFields(undefined, KNOWN))).toBe(item);
    expect(parseFields('', KNOWN)).toBeUndefined();
  });

  it('refuses unknown names with a 400 naming each of them', () => {
    let error: unknown;
    try {
      parseFields('status,colour,size', KNOWN);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect(e.status).toBe(400);
    expect(e.message).toBe('fields names unknown properties colour, size');
    expect(e.details?.map((d) => d.message)).toEqual([
      "unknown property 'colour'; known properties: workReferenceNumber, status, geometry",
      "unknown property 'size'; known properties: workReferenceNumber, status, geometry",
    ]);
  });
});
