import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { byDate } from './worklists.list';
import {
  codeOf,
  deemingPermit,
  dueWorkStop,
  potentialOverrun,
  refusalReason,
  refusedPermit,
} from './worklists.mapper';
import { TRAFFIC_MANAGEMENT_TYPES, WORK_CATEGORIES } from '../common/vocabulary/street-manager-enums';

const caller = (permissions: Permission[]): Caller => ({
  clientId: 'c',
  kind: 'subscription-key',
  name: 'c',
  product: 'default',
  permissions,
  userIdentifier: 'c',
  userName: 'c',
});
const reader = caller([Permission.READ]);
const authority = caller([Permission.READ, Permission.AUTHORITY_WRITE]);

const permitLink = { rel: 'permit', href: '/v1/permits/LDS0000123-01', type: 'GET' };
const workLink = { rel: 'work', href: '/v1/works/LDS0000123', type: 'GET' };
const names = {
  work_reference_number: 'LDS0000123',
  permit_reference_number: 'LDS0000123-01',
  works_location: 'Briggate, Outside no. 12',
};

describe('worklist mappers', () => {
  it('maps a permit about to deem: labels to codes, proposed dates to calendar dates, assess for an authority writer', () => {
    const row = {
      ...names,
      promoter: 'Northern Gas Networks',
      deem_date: '2026-12-05T17:00:00.000Z',
      application_submission_date: '2026-11-30T09:12:00.000+01:00',
      works_category: 'Immediate - urgent',
      highest_traffic_management_type: 'Two way signals',
      start_date: '2026-12-14T00:00:00.000Z',
      end_date: '2026-12-18T00:00:00.000Z',
    };
    expect(deemingPermit(row, authority)).toEqual({
      permitReferenceNumber: 'LDS0000123-01',
      workReferenceNumber: 'LDS0000123',
      location: 'Briggate, Outside no. 12',
      promoterName: 'Northern Gas Networks',
      deemDate: '2026-12-05T17:00:00Z',
      submittedDate: '2026-11-30T08:12:00Z',
      workCategory: 'immediate_urgent',
      highestTrafficManagementType: 'two_way_signals',
      proposedStartDate: '2026-12-14',
      proposedEndDate: '2026-12-18',
      links: [
        permitLink,
        workLink,
        { rel: 'assess', href: '/v1/permits/LDS0000123-01/assessment', type: 'PUT' },
      ],
    });
    expect(deemingPermit({ ...row, works_category: 'Exotic', deem_date: 'not a date' }, reader)).toEqual({
      ...deemingPermit(row, reader),
      workCategory: 'unknown',
      deemDate: null,
      links: [permitLink, workLink],
    });
  });

  it('maps a work stop due', () => {
    const row = {
      ...names,
      highway_authority: 'Leeds City Council',
      start_date: '2026-12-01T08:00:00.000Z',
      proposed_end_date: '2026-12-05T00:00:00.000Z',
      reasonable_period_end_date: '2026-12-05T23:59:59.000Z',
      workstream_prefix: 'NGN',
    };
    expect(dueWorkStop(row, authority)).toEqual({
      permitReferenceNumber: 'LDS0000123-01',
      workReferenceNumber: 'LDS0000123',
      location: 'Briggate, Outside no. 12',
      highwayAuthorityName: 'Leeds City Council',
      actualStartDate: '2026-12-01T08:00:00Z',
      proposedEndDate: '2026-12-05',
      reasonablePeriodEndDate: '2026-12-05T23:59:59Z',
      workstreamPrefix: 'NGN',
      links: [permitLink, workLink],
    });
  });

  it('maps a refused permit, its reasons to the assessment codes', () => {
    const row = {
      ...names,
      highway_authority: 'Leeds City Council',
      proposed_start_date: '2026-12-14T00:00:00.000Z',
      proposed_end_date: '2026-12-18T00:00:00.000Z',
      refused_date: '2026-12-03T14:20:00.000Z',
      reasons_for_refusal: ['RC20', 'rc40 - Traffic management', 'Something new'],
    };
    expect(refusedPermit(row, reader)).toEqual({
      permitReferenceNumber: 'LDS0000123-01',
      workReferenceNumber: 'LDS0000123',
      location: 'Briggate, Outside no. 12',
      highwayAuthorityName: 'Leeds City Council',
      proposedStartDate: '2026-12-14',
      proposedEndDate: '2026-12-18',
      refusedDate: '2026-12-03T14:20:00Z',
      refusalReasons: ['RC20', 'RC40', 'unknown'],
      links: [permitLink, workLink],
    });
  });

  it('maps a potential overrun, offering the dismissal only to an authority writer', () => {
    const row = {
      ...names,
      promoter: 'Northern Gas Networks',
      start_date: '2026-11-24T08:00:00.000Z',
      end_date: '2026-12-02T00:00:00.000Z',
      reasonable_period_end_date: '2026-12-02T17:00:00.000Z',
    };
    const expected = {
      permitReferenceNumber: 'LDS0000123-01',
      workReferenceNumber: 'LDS0000123',
      location: 'Briggate, Outside no. 12',
      promoterName: 'Northern Gas Networks',
      actualStartDate: '2026-11-24T08:00:00Z',
      proposedEndDate: '2026-12-02',
      reasonablePeriodEndDate: '2026-12-02T17:00:00Z',
      links: [
        permitLink,
        workLink,
        { rel: 'dismiss', href: '/v1/potential-overruns/LDS0000123-01', type: 'DELETE' },
      ],
    };
    expect(potentialOverrun(row, authority)).toEqual(expected);
    expect(potentialOverrun(row, reader)).toEqual({ ...expected, links: [permitLink, workLink] });
  });

  it('reads codes and labels alike', () => {
    expect(
      ['minor', 'Minor', ' MAJOR ', 'HS2 highway', 'paa', 'Other'].map((t) => codeOf(t, WORK_CATEGORIES)),
    ).toEqual(['minor', 'minor', 'major', 'hs2_highway', 'paa', 'unknown']);
    expect(codeOf('Stop/go boards', TRAFFIC_MANAGEMENT_TYPES)).toBe('stop_go_boards');
    expect(['RC10', 'RC50 Other', 'ARC101', 'RC99', ''].map(refusalReason)).toEqual([
      'RC10',
      'RC50',
      'unknown',
      'unknown',
      'unknown',
    ]);
  });
});

describe('byDate', () => {
  const row = (permit_reference_number: string, at: string) => ({ permit_reference_number, at });
  const rows = [
    row('B-01', '2026-12-02T10:00:00Z'),
    row('C-01', 'garbage'),
    row('A-01', '2026-12-02T11:00:00+01:00'),
    row('D-01', '2026-12-01T00:00:00Z'),
  ];

  it('orders by the date (offsets honoured), ties by permit reference, unparseable dates last either way', () => {
    expect([...rows].sort(byDate((r) => r.at, 'asc')).map((r) => r.permit_reference_number)).toEqual([
      'D-01',
      'A-01',
      'B-01',
      'C-01',
    ]);
    expect([...rows].sort(byDate((r) => r.at, 'desc')).map((r) => r.permit_reference_number)).toEqual([
      'A-01',
      'B-01',
      'D-01',
      'C-01',
    ]);
  });
});
