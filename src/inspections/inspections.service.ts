import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { requireWorkReferenceIn } from '../common/vocabulary/references';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { asBodyReference, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { CreateInspectionDto } from './dto/inspection-writes.dto';
import type { InspectionDto } from './dto/inspection.dto';
import {
  INSPECTION_FIELD_NAMES,
  inspectionFromStreetManager,
  inspectionToStreetManager,
} from './inspections.mapper';

import { inspectionList } from './inspections.list';

@Injectable()
export class InspectionsService {
  readonly list;

  constructor(
    reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {
    this.list = inspectionList(reporting);
  }

  async get(caller: Caller, inspectionReferenceNumber: string): Promise<InspectionDto> {
    const work = requireWorkReferenceIn(inspectionReferenceNumber, 'INSP', 'inspection');
    return inspectionFromStreetManager(
      await this.works.getInspection(caller, work, inspectionReferenceNumber),
      caller,
    );
  }

  async create(caller: Caller, dto: CreateInspectionDto): Promise<InspectionDto> {
    const details = checkInspection(dto, new Date());
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const created = await asBodyReference(
      'workReferenceNumber',
      this.works.createInspection(
        caller,
        dto.workReferenceNumber,
        inspectionToStreetManager(dto, caller),
        INSPECTION_FIELD_NAMES,
      ),
    );
    return this.get(caller, created.inspection_reference_number);
  }
}

/** Street Manager's rules that join fields (business rules §10), as 422 details in our words. */
export function checkInspection(dto: CreateInspectionDto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (Date.parse(dto.inspectionDate) > now.getTime()) {
    details.push({ field: 'inspectionDate', message: 'must be in the past' });
  }
  if (
    dto.reinspectionDate !== undefined &&
    dto.reinspectionDate.slice(0, 10) < now.toISOString().slice(0, 10)
  ) {
    details.push({ field: 'reinspectionDate', message: 'must be today or later' });
  }
  if (
    (dto.outcome === 'unable_to_complete_inspection' || dto.outcome === 'non_compliant_with_conditions') &&
    dto.outcomeDetails === undefined
  ) {
    details.push({ field: 'outcomeDetails', message: `is required when the outcome is ${dto.outcome}` });
  }
  if (dto.type === 'live_site' && dto.outcome === 'failed_high') {
    if (dto.wasCallLogged === undefined) {
      details.push({
        field: 'wasCallLogged',
        message: 'is required for a live-site inspection that failed high',
      });
    }
    if (dto.defectFixedOnSite === undefined) {
      details.push({
        field: 'defectFixedOnSite',
        message: 'is required for a live-site inspection that failed high',
      });
    }
  }
  if (dto.wasCallLogged === true) {
    for (const field of ['callLoggedTo', 'callLoggedReference', 'callLoggedSummary'] as const) {
      if (dto[field] === undefined) {
        details.push({ field, message: 'is required when wasCallLogged is true' });
      }
    }
  }
  if (
    dto.type === 'section_81' &&
    (dto.outcome === 'failed_high' || dto.outcome === 'failed_low') &&
    dto.madeSafeByHighwayAuthority === undefined
  ) {
    details.push({
      field: 'madeSafeByHighwayAuthority',
      message: 'is required for a section 81 inspection that failed',
    });
  }
  return details;
}
