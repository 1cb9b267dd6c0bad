import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { checkPermitApplication } from './permit-application';
import { permitApplicationToStreetManager, STREET_MANAGER_FIELD_NAMES } from './permit-application';
import type { PermitDto } from './dto/permit.dto';
import { workReferenceOf } from '../common/vocabulary/references';
import type { AssessPermitDto, CreatePermitDto, UpdatePermitStatusDto } from './dto/permit-writes.dto';
import { permitFromStreetManager } from './permits.mapper';

import { permitList } from './permits.list';

@Injectable()
export class PermitsService {
  readonly list;

  constructor(
    private readonly works: WorkApiClient,
    reporting: ReportingApiClient,
  ) {
    this.list = permitList(reporting);
  }

  async get(caller: Caller, permitReferenceNumber: string): Promise<PermitDto> {
    const permit = await this.works.getPermit(
      caller,
      workReferenceOf(permitReferenceNumber),
      permitReferenceNumber,
    );
    return permitFromStreetManager(permit, caller);
  }

  async create(caller: Caller, dto: CreatePermitDto): Promise<PermitDto> {
    const details = checkPermitApplication(dto, new Date());
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const created = await this.works.createPermit(
      caller,
      dto.workReferenceNumber,
      permitApplicationToStreetManager(dto),
      STREET_MANAGER_FIELD_NAMES,
    );
    return this.get(caller, created.permit_reference_number);
  }

  async updateStatus(
    caller: Caller,
    permitReferenceNumber: string,
    dto: UpdatePermitStatusDto,
  ): Promise<PermitDto> {
    await this.works.updatePermitStatus(
      caller,
      workReferenceOf(permitReferenceNumber),
      permitReferenceNumber,
      {
        permit_status: dto.status as 'cancelled' | 'closed',
        additional_comments: dto.comments,
      },
    );
    return this.get(caller, permitReferenceNumber);
  }

  async assess(caller: Caller, permitReferenceNumber: string, dto: AssessPermitDto): Promise<PermitDto> {
    const details = checkAssessment(dto);
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    await this.works.assessPermit(caller, workReferenceOf(permitReferenceNumber), permitReferenceNumber, {
      assessment_status: dto.decision as 'granted' | 'refused' | 'permit_modification_request' | 'revoked',
      assessment_discount: dto.discountPercent,
      reasons_for_refusal: dto.reasonsForRefusal as never,
      additional_comments: dto.comments,
      revoke_reason: dto.decision === 'revoked' ? dto.comments : undefined,
      pending_change_details: dto.decision === 'permit_modification_request' ? dto.comments : undefined,
    });
    return this.get(caller, permitReferenceNumber);
  }
}

/** Street Manager's conditional requirements of an assessment, as 422 details. */
export function checkAssessment(dto: AssessPermitDto): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (dto.decision === 'granted' && dto.discountPercent === undefined) {
    details.push({ field: 'discountPercent', message: 'is required when granting' });
  }
  if (dto.decision === 'refused' && !dto.reasonsForRefusal?.length) {
    details.push({ field: 'reasonsForRefusal', message: 'is required when refusing' });
  }
  if (dto.decision !== 'granted' && dto.comments === undefined) {
    details.push({ field: 'comments', message: `is required when the decision is ${dto.decision}` });
  }
  if (dto.decision !== 'refused' && dto.reasonsForRefusal !== undefined) {
    details.push({ field: 'reasonsForRefusal', message: 'is only for refusals' });
  }
  return details;
}
