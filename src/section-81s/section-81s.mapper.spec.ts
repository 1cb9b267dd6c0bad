import { wgs84ToBng } from '../common/geo/bng';
import { checkSection81 } from './section-81s.service';
import { workReferenceIn } from '../common/vocabulary/references';
import { section81ToStreetManager } from './section-81s.mapper';
import type { CreateSection81Dto } from './dto/section-81-writes.dto';

const dto: CreateSection81Dto = {
  promoterSwaCode: '74',
  highwayAuthoritySwaCode: '4720',
  usrn: 10104523,
  geometry: { type: 'Point', coordinates: [-1.548567, 53.801277] },
  locationDescription: 'Outside number 12',
  locationTypes: ['footway'],
  inspectionDate: '2026-08-09T09:00:00Z',
  type: 'cabinet',
  severity: 'high',
  madeSafeByHighwayAuthority: true,
  details: 'Door hanging open',
};

describe('section 81 mapping', () => {
  it('derives the work from the reference', () => {
    expect(workReferenceIn('NGN0000123-S81-01', 'S81')).toBe('NGN0000123');
    expect(workReferenceIn('NGN0000123-FP-01', 'S81')).toBeUndefined();
  });

  it('sends Street Manager its names, SWA codes padded and the position in British National Grid', () => {
    const sm = section81ToStreetManager(dto);
    expect(sm).toMatchObject({ promoter_swa_code: '0074', made_safe_by_ha: true, section_81_type: 'cabinet', additional_details: 'Door hanging open', section_81_evidence: false });
    expect(sm.works_coordinates).toEqual({ type: 'Point', coordinates: wgs84ToBng([-1.548567, 53.801277]) });
  });

  it('refuses a future inspection, `other` without details and a place outside Great Britain', () => {
    const now = new Date('2026-08-10T00:00:00Z');
    expect(checkSection81(dto, now)).toEqual([]);
    expect(checkSection81({ ...dto, inspectionDate: '2026-08-11T00:00:00Z', type: 'other', geometry: { type: 'Point', coordinates: [2.35, 48.85] } }, now)).toEqual([
      { field: 'inspectionDate', message: 'must not be in the future' },
      { field: 'otherTypeDetails', message: 'is required when type is other' },
      { field: 'geometry', message: 'must lie in Great Britain' },
    ]);
  });
});
