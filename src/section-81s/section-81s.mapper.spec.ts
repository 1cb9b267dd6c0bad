import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { wgs84ToBng } from '../common/geo/bng';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmSection81 } from '../upstreams/street-manager/work-api.client';
import { checkSection81 } from './section-81s.service';
import { workReferenceIn } from '../common/vocabulary/references';
import {
  section81FromStreetManager,
  section81SummaryFromReporting,
  section81ToStreetManager,
} from './section-81s.mapper';
import type { CreateSection81Dto } from './dto/section-81-writes.dto';

type SmSection81Row = SmReportingLists['/section-81s']['row'];

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
    expect(sm).toMatchObject({
      promoter_swa_code: '0074',
      made_safe_by_ha: true,
      section_81_type: 'cabinet',
      additional_details: 'Door hanging open',
      section_81_evidence: false,
    });
    expect(sm.works_coordinates).toEqual({ type: 'Point', coordinates: wgs84ToBng([-1.548567, 53.801277]) });
  });

  it('refuses a future inspection, `other` without details and a place outside Great Britain', () => {
    const now = new Date('2026-08-10T00:00:00Z');
    expect(checkSection81(dto, now)).toEqual([]);
    expect(
      checkSection81(
        {
          ...dto,
          inspectionDate: '2026-08-11T00:00:00Z',
          type: 'other',
          geometry: { type: 'Point', coordinates: [2.35, 48.85] },
        },
        now,
      ),
    ).toEqual([
      { field: 'inspectionDate', message: 'must not be in the future' },
      { field: 'otherTypeDetails', message: 'is required when type is other' },
      { field: 'geometry', message: 'must lie in Great Britain' },
    ]);
  });
});

describe('section 81 mapping, whole representations', () => {
  /** Ordnance Survey's station LOND: BNG 530624.963 178388.461 is WGS84 −0.1199256, 51.4893656 (Helmert: within 2 m). */
  const LOND_BNG = [530624.963, 178388.461];
  const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];
  const authority: Caller = {
    clientId: 'c',
    kind: 'subscription-key',
    name: 'n',
    product: 'p',
    permissions: [Permission.READ, Permission.AUTHORITY_WRITE],
    organisation: '4720',
    userIdentifier: 'u',
    userName: 'U',
  };

  it('maps a section 81 in full: enums, UTC times, the position in WGS84, place links and the status write', () => {
    const s81 = {
      section_81_reference_number: 'NGN0001234-S81-01',
      work_reference_number: 'NGN0001234',
      section_81_status: 'issued',
      section_81_severity: 'high',
      made_safe_by_ha: true,
      date_created: '2026-08-09T13:58:07.000+01:00',
      status_changed_date: '2026-08-09T13:58:07.000+01:00',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      street_name: 'Park Row',
      town: 'Leeds',
      area: '',
      location_description: 'Outside number 12',
      section_81_type: 'cabinet',
      other_type_details: null,
      location_types: ['footway', 'new_location'],
      inspection_date: '2026-08-09T09:00:00.000Z',
      additional_details: 'Door hanging open',
      inspector_name: 'A. Inspector',
      inspector_contact_number: '0113 496 0004',
      promoter_response: null,
      section_81_work_type: 'permit_works',
      promoter_swa_code: '7374',
      highway_authority_swa_code: '4720',
      usrn: 10104523.0,
      works_coordinates: { type: 'Point', coordinates: LOND_BNG },
    } as unknown as SmSection81;
    expect(section81FromStreetManager(s81, authority)).toEqual({
      section81ReferenceNumber: 'NGN0001234-S81-01',
      workReferenceNumber: 'NGN0001234',
      status: 'issued',
      severity: 'high',
      madeSafeByHighwayAuthority: true,
      issueDate: '2026-08-09T12:58:07Z',
      statusChangedDate: '2026-08-09T12:58:07Z',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      town: 'Leeds',
      area: null,
      locationDescription: 'Outside number 12',
      type: 'cabinet',
      otherTypeDetails: null,
      locationTypes: ['footway', 'unknown'],
      inspectionDate: '2026-08-09T09:00:00Z',
      details: 'Door hanging open',
      inspectorName: 'A. Inspector',
      inspectorContactNumber: '0113 496 0004',
      promoterResponse: null,
      workType: 'permit_works',
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: 10104523,
      geometry: { type: 'Point', coordinates: LOND_WGS84 },
      links: [
        { rel: 'self', href: '/v1/section-81s/NGN0001234-S81-01', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
        { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
        { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
        { rel: 'promoter', href: '/v1/organisations/7374', type: 'GET' },
        { rel: 'update-status', href: '/v1/section-81s/NGN0001234-S81-01/status', type: 'PUT' },
      ],
    });
  });

  it('maps a reporting row; a closed section 81 offers no status write', () => {
    const row = {
      section_81_reference_number: 'NGN0001234-S81-02',
      work_reference_number: 'NGN0001234',
      section_81_status: 'resolved_by_ha',
      section_81_severity: 'upcoming_enum',
      made_safe_by_ha: false,
      issue_date: '2026-08-01T00:00:00.000Z',
      status_changed_date: '2026-08-05T10:00:00.000Z',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      street: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      location_description: 'Outside number 12',
    } as unknown as SmSection81Row;
    expect(section81SummaryFromReporting(row, authority)).toEqual({
      section81ReferenceNumber: 'NGN0001234-S81-02',
      workReferenceNumber: 'NGN0001234',
      status: 'resolved_by_ha',
      severity: 'unknown',
      madeSafeByHighwayAuthority: false,
      issueDate: '2026-08-01T00:00:00Z',
      statusChangedDate: '2026-08-05T10:00:00Z',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      locationDescription: 'Outside number 12',
      links: [
        { rel: 'self', href: '/v1/section-81s/NGN0001234-S81-02', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
      ],
    });
  });

  it('sends Street Manager the whole create body, the position in British National Grid', () => {
    // Ordnance Survey's station BRIS: WGS84 −2.5440762, 51.4275474 is BNG 362269.979 169978.688 (within 5 m here).
    const atBris = {
      ...dto,
      geometry: { type: 'Point' as const, coordinates: [-2.544076186, 51.427547434] as [number, number] },
      inspectorName: 'A. Inspector',
      inspectorContactNumber: '0113 496 0004',
    };
    expect(section81ToStreetManager(atBris)).toEqual({
      promoter_swa_code: '0074',
      highway_authority_swa_code: '4720',
      usrn: 10104523,
      works_coordinates: {
        type: 'Point',
        coordinates: [expect.closeTo(362270, -1), expect.closeTo(169979, -1)],
      },
      location_description: 'Outside number 12',
      location_types: ['footway'],
      inspection_date: '2026-08-09T09:00:00Z',
      section_81_type: 'cabinet',
      other_type_details: undefined,
      section_81_severity: 'high',
      made_safe_by_ha: true,
      additional_details: 'Door hanging open',
      inspector_name: 'A. Inspector',
      inspector_contact_number: '0113 496 0004',
      section_81_evidence: false,
    });
  });
});
