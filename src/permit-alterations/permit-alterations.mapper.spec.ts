import type { SmPermit } from '../upstreams/street-manager/work-api.client';
import { checkAlteration, checkAssessment } from './permit-alterations.service';
import { alterationToStreetManager, permitOfAlteration } from './permit-alterations.mapper';

describe('permit alteration mapping', () => {
  it('derives the permit and the work from the reference', () => {
    expect(permitOfAlteration('NGN0000123-01-ALT-02')).toEqual({ permit: 'NGN0000123-01', work: 'NGN0000123' });
    expect(permitOfAlteration('NGN0000123-ALT-02')).toBeUndefined();
    expect(permitOfAlteration('NGN0000123-01')).toBeUndefined();
  });

  it('carries the permit’s other terms over and applies the caller’s changes', () => {
    const permit = {
      description_of_work: 'Old description',
      works_location_description: 'Old place',
      traffic_management_type: 'lane_closure',
      activity_type: 'utility_repair_and_maintenance_works',
      location_types: ['footway'],
      work_type: 'planned',
      close_footway: 'no',
      excavation: true,
      secondary_contact: 'A. Person',
      works_coordinates: { type: 'Point', coordinates: [430000, 433500] },
    } as unknown as SmPermit;
    const sm = alterationToStreetManager(
      { permitReferenceNumber: 'NGN0000123-01', proposedStartDate: '2026-10-01', proposedEndDate: '2026-10-16', reason: 'Longer', description: 'New description' },
      permit,
    );
    expect(sm).toMatchObject({
      permit_alteration_reason: 'Longer',
      proposed_start_date: '2026-10-01T00:00:00.000Z',
      proposed_end_date: '2026-10-16T00:00:00.000Z',
      description_of_work: 'New description',
      works_location_description: 'Old place',
      traffic_management_type: 'lane_closure',
      excavation: true,
      secondary_contact: 'A. Person',
      works_coordinates: permit.works_coordinates,
    });
  });

  it('states the date rules and the assessment’s conditions as field details', () => {
    const now = new Date('2026-09-01T12:00:00Z');
    expect(checkAlteration({ permitReferenceNumber: 'X-01', proposedStartDate: '2026-09-01', proposedEndDate: '2026-09-01', reason: 'r' }, now)).toEqual([]);
    expect(checkAssessment({ status: 'granted', discountPercent: 0 })).toEqual([]);
    expect(checkAssessment({ status: 'refused', reasonablePeriodEndDate: '2026-10-01' })).toEqual([
      { field: 'comments', message: 'is required when the status becomes refused' },
      { field: 'reasonablePeriodEndDate', message: 'is only for a duration challenge' },
    ]);
  });
});
