import { BadRequestError } from '../errors/api-error';
import { mapSearchBox, parseBbox } from './bbox';
import { bboxToBng } from './geometry';

describe('bbox', () => {
  it('parses a box and refuses one inside out', () => {
    expect(parseBbox('-1.56,53.79,-1.53,53.81')).toEqual([-1.56, 53.79, -1.53, 53.81]);
    expect(() => parseBbox('-1.53,53.79,-1.56,53.81')).toThrow(BadRequestError);
  });

  it('asks the map search in British National Grid for whole days, and not at all outside Great Britain', () => {
    expect(mapSearchBox('-1.56,53.79,-1.53,53.81', '2026-08-01', undefined)).toEqual({
      ...bboxToBng([-1.56, 53.79, -1.53, 53.81]),
      start_date: '2026-08-01T00:00:00.000Z',
      end_date: undefined,
    });
    expect(mapSearchBox('2.5,48.8,2.6,48.9', undefined, undefined)).toBeUndefined();
  });
});
