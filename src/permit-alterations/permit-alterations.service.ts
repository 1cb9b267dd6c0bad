import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import {
  ConflictError,
  type ErrorDetail,
  NotFoundError,
  ValidationFailedError,
} from '../common/errors/api-error';
import { workReferenceOf } from '../common/vocabulary/references';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import {
  asBodyReference,
  type SmPermitAlterationStatusUpdateRequest,
  WorkApiClient,
} from '../upstreams/street-manager/work-api.client';
import type { PermitAlterationDto } from './dto/permit-alteration.dto';
import { ASSESSABLE_ALTERATION_STATUS } from './dto/permit-alteration-enums';
import type {
  CreatePermitAlterationDto,
  UpdatePermitAlterationStatusDto,
} from './dto/permit-alteration-writes.dto';
import {
  ALTERATION_FIELD_NAMES,
  alterationFromStreetManager,
  alterationToStreetManager,
  permitOfAlteration,
} from './permit-alterations.mapper';

import { alterationList } from './permit-alterations.list';
import { midnight } from '../common/query/dates';

@Injectable()
export class PermitAlterationsService {
  readonly list;

  constructor(
    reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {
    this.list = alterationList(reporting);
  }

  async get(caller: Caller, reference: string): Promise<PermitAlterationDto> {
    const { work, permit } = this.permitOf(reference);
    return alterationFromStreetManager(
      await this.works.getPermitAlteration(caller, work, permit, reference),
      caller,
    );
  }

  async create(caller: Caller, dto: CreatePermitAlterationDto): Promise<PermitAlterationDto> {
    const details = checkAlteration(dto, new Date());
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const work = workReferenceOf(dto.permitReferenceNumber);
    const created = await asBodyReference('permitReferenceNumber', this.createOn(caller, work, dto));
    return this.get(caller, created.permit_alteration_reference_number);
  }

  async assess(
    caller: Caller,
    reference: string,
    dto: UpdatePermitAlterationStatusDto,
  ): Promise<PermitAlterationDto> {
    const details = checkAssessment(dto);
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const current = await this.get(caller, reference);
    if (current.status !== ASSESSABLE_ALTERATION_STATUS) {
      throw new ConflictError(
        `permit alteration ${reference} is ${current.status} and can no longer be assessed`,
      );
    }
    const { work, permit } = this.permitOf(reference);
    await this.works.updatePermitAlterationStatus(caller, work, permit, reference, {
      alteration_status: dto.status as SmPermitAlterationStatusUpdateRequest['alteration_status'],
      assessment_comments: dto.comments,
      assessment_discount: dto.discountPercent,
      reasonable_period_end_date: dto.reasonablePeriodEndDate
        ? midnight(dto.reasonablePeriodEndDate)
        : undefined,
    });
    return this.get(caller, reference);
  }

  /** Street Manager wants the whole permit again: the caller's changes over the permit as it stands. */
  private async createOn(caller: Caller, work: string, dto: CreatePermitAlterationDto) {
    const permit = await this.works.getPermit(caller, work, dto.permitReferenceNumber);
    return this.works.createPermitAlteration(
      caller,
      work,
      dto.permitReferenceNumber,
      alterationToStreetManager(dto, permit),
      ALTERATION_FIELD_NAMES,
    );
  }

  private permitOf(reference: string): { work: string; permit: string } {
    const owner = permitOfAlteration(reference);
    if (owner === undefined) {
      throw new NotFoundError('permit alteration', reference);
    }
    return owner;
  }
}

export function checkAlteration(dto: CreatePermitAlterationDto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (dto.proposedStartDate < now.toISOString().slice(0, 10)) {
    details.push({ field: 'proposedStartDate', message: 'must be today or later' });
  }
  if (dto.proposedEndDate < dto.proposedStartDate) {
    details.push({ field: 'proposedEndDate', message: 'must be on or after proposedStartDate' });
  }
  return details;
}

/** Street Manager's conditional requirements of an alteration's assessment, as 422 details. */
export function checkAssessment(dto: UpdatePermitAlterationStatusDto): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (dto.status === 'granted' && dto.discountPercent === undefined) {
    details.push({ field: 'discountPercent', message: 'is required when granting' });
  }
  if (dto.status !== 'granted' && dto.comments === undefined) {
    details.push({ field: 'comments', message: `is required when the status becomes ${dto.status}` });
  }
  if (dto.status === 'granted_with_duration_challenge' && dto.reasonablePeriodEndDate === undefined) {
    details.push({ field: 'reasonablePeriodEndDate', message: 'is required when challenging the duration' });
  }
  if (dto.status !== 'granted_with_duration_challenge' && dto.reasonablePeriodEndDate !== undefined) {
    details.push({ field: 'reasonablePeriodEndDate', message: 'is only for a duration challenge' });
  }
  return details;
}
