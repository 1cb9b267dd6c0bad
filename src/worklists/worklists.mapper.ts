import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { isoDate, isoDateTime, openEnum } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import { permitPath, resourcePath, worksPath } from '../common/links/paths';
import { TRAFFIC_MANAGEMENT_TYPES, WORK_CATEGORIES } from '../common/vocabulary/street-manager-enums';
import { REFUSAL_REASONS } from '../common/vocabulary/street-manager-enums';
import type {
  SmPermitAboutToDeem,
  SmPotentialWorkOverrunning,
  SmRefusedPermit,
  SmWorkStopDue,
} from '../upstreams/street-manager/worklist-api.client';
import type {
  DeemingPermitDto,
  DueWorkStopDto,
  PotentialOverrunDto,
  RefusedPermitDto,
} from './dto/worklist-items.dto';

/** Where the worklists live (the only resources of this folder, so their paths are kept here). */
export const WORKLIST_PATHS = {
  deemingPermits: '/v1/deeming-permits',
  dueWorkStops: '/v1/due-work-stops',
  refusedPermits: '/v1/refused-permits',
  potentialOverruns: '/v1/potential-overruns',
} as const;

const ITEM_FIELDS = ['permitReferenceNumber', 'workReferenceNumber', 'location'] as const;
export const DEEMING_PERMIT_FIELDS = [
  ...ITEM_FIELDS,
  'promoterName',
  'deemDate',
  'submittedDate',
  'workCategory',
  'highestTrafficManagementType',
  'proposedStartDate',
  'proposedEndDate',
] as const;
export const DUE_WORK_STOP_FIELDS = [
  ...ITEM_FIELDS,
  'highwayAuthorityName',
  'actualStartDate',
  'proposedEndDate',
  'reasonablePeriodEndDate',
  'workstreamPrefix',
] as const;
export const REFUSED_PERMIT_FIELDS = [
  ...ITEM_FIELDS,
  'highwayAuthorityName',
  'proposedStartDate',
  'proposedEndDate',
  'refusedDate',
  'refusalReasons',
] as const;
export const POTENTIAL_OVERRUN_FIELDS = [
  ...ITEM_FIELDS,
  'promoterName',
  'actualStartDate',
  'proposedEndDate',
  'reasonablePeriodEndDate',
] as const;

/**
 * The worklists give a category or traffic management type as a plain string, which may be the code (`minor`) or
 * its label (`Minor`, `Immediate - urgent`; V6-A23): either becomes the v1 code, anything else `unknown`.
 */
export function codeOf<T extends string>(text: string, known: readonly T[]): T | 'unknown' {
  const code = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return openEnum(code, known);
}

/** A refusal reason as the code the Work API uses (`RC10`), also when the text carries it (`RC10 - …`; V6-A23). */
export function refusalReason(text: string): (typeof REFUSAL_REASONS)[number] | 'unknown' {
  return openEnum(/\bRC\d{2}\b/i.exec(text)?.[0].toUpperCase(), REFUSAL_REASONS);
}

const itemLinks = (
  caller: Caller | undefined,
  row: { permit_reference_number: string; work_reference_number: string },
) =>
  links(caller)
    .related('permit', permitPath(row.permit_reference_number))
    .related('work', worksPath(row.work_reference_number));

export function deemingPermit(row: SmPermitAboutToDeem, caller: Caller | undefined): DeemingPermitDto {
  return {
    permitReferenceNumber: row.permit_reference_number,
    workReferenceNumber: row.work_reference_number,
    location: row.works_location,
    promoterName: row.promoter,
    deemDate: isoDateTime(row.deem_date),
    submittedDate: isoDateTime(row.application_submission_date),
    workCategory: codeOf(row.works_category, WORK_CATEGORIES),
    highestTrafficManagementType: codeOf(row.highest_traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    proposedStartDate: isoDate(row.start_date),
    proposedEndDate: isoDate(row.end_date),
    links: itemLinks(caller, row)
      .action(
        'assess',
        `${permitPath(row.permit_reference_number)}/assessment`,
        'PUT',
        Permission.AUTHORITY_WRITE,
      )
      .build(),
  };
}

export function dueWorkStop(row: SmWorkStopDue, caller: Caller | undefined): DueWorkStopDto {
  return {
    permitReferenceNumber: row.permit_reference_number,
    workReferenceNumber: row.work_reference_number,
    location: row.works_location,
    highwayAuthorityName: row.highway_authority,
    actualStartDate: isoDateTime(row.start_date),
    proposedEndDate: isoDate(row.proposed_end_date),
    reasonablePeriodEndDate: isoDateTime(row.reasonable_period_end_date),
    workstreamPrefix: row.workstream_prefix,
    links: itemLinks(caller, row).build(),
  };
}

export function refusedPermit(row: SmRefusedPermit, caller: Caller | undefined): RefusedPermitDto {
  return {
    permitReferenceNumber: row.permit_reference_number,
    workReferenceNumber: row.work_reference_number,
    location: row.works_location,
    highwayAuthorityName: row.highway_authority,
    proposedStartDate: isoDate(row.proposed_start_date),
    proposedEndDate: isoDate(row.proposed_end_date),
    refusedDate: isoDateTime(row.refused_date),
    refusalReasons: row.reasons_for_refusal.map(refusalReason),
    links: itemLinks(caller, row).build(),
  };
}

export function potentialOverrun(
  row: SmPotentialWorkOverrunning,
  caller: Caller | undefined,
): PotentialOverrunDto {
  return {
    permitReferenceNumber: row.permit_reference_number,
    workReferenceNumber: row.work_reference_number,
    location: row.works_location,
    promoterName: row.promoter,
    actualStartDate: isoDateTime(row.start_date),
    proposedEndDate: isoDate(row.end_date),
    reasonablePeriodEndDate: isoDateTime(row.reasonable_period_end_date),
    links: itemLinks(caller, row)
      .action(
        'dismiss',
        resourcePath(WORKLIST_PATHS.potentialOverruns, row.permit_reference_number),
        'DELETE',
        Permission.AUTHORITY_WRITE,
      )
      .build(),
  };
}
