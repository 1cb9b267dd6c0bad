import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { requireWorkReferenceIn } from '../common/vocabulary/references';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { isInGreatBritain } from '../common/geo/bng';
import { geometryToBng, positionsOf } from '../common/geo/geometry';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { type SmForwardPlanCreateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { CreateForwardPlanDto, UpdateForwardPlanStatusDto } from './dto/forward-plan-writes.dto';
import type { ForwardPlanDto } from './dto/forward-plan.dto';
import { FORWARD_PLAN_FIELD_NAMES, forwardPlanFromStreetManager } from './forward-plans.mapper';

import { forwardPlanList } from './forward-plans.list';
import { midnight } from '../common/query/dates';

@Injectable()
export class ForwardPlansService {
  readonly list;

  constructor(
    reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {
    this.list = forwardPlanList(reporting);
  }

  async get(caller: Caller, reference: string): Promise<ForwardPlanDto> {
    return forwardPlanFromStreetManager(
      await this.works.getForwardPlan(
        caller,
        requireWorkReferenceIn(reference, 'FP', 'forward plan'),
        reference,
      ),
      caller,
    );
  }

  async create(caller: Caller, dto: CreateForwardPlanDto): Promise<ForwardPlanDto> {
    const details = checkForwardPlan(dto, new Date());
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const created = await this.works.createForwardPlan(
      caller,
      {
        work_reference_number: dto.workReferenceNumber,
        promoter_swa_code: dto.promoterSwaCode.padStart(4, '0'),
        highway_authority_swa_code: dto.highwayAuthoritySwaCode.padStart(4, '0'),
        usrn: dto.usrn,
        works_coordinates: geometryToBng(dto.geometry),
        start_date: midnight(dto.proposedStartDate),
        end_date: midnight(dto.proposedEndDate),
        description_of_work: dto.description,
        works_location_description: dto.locationDescription,
        traffic_management_type:
          dto.trafficManagementType as SmForwardPlanCreateRequest['traffic_management_type'],
        project_reference_number: dto.projectReferenceNumber,
        additional_info: dto.additionalInfo,
      },
      FORWARD_PLAN_FIELD_NAMES,
    );
    return this.get(caller, created.forward_plan_reference_number);
  }

  async updateStatus(
    caller: Caller,
    reference: string,
    dto: UpdateForwardPlanStatusDto,
  ): Promise<ForwardPlanDto> {
    await this.works.cancelForwardPlan(
      caller,
      requireWorkReferenceIn(reference, 'FP', 'forward plan'),
      reference,
      { cancelled_reason: dto.reason },
    );
    return this.get(caller, reference);
  }
}

export function checkForwardPlan(dto: CreateForwardPlanDto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (dto.proposedStartDate < now.toISOString().slice(0, 10)) {
    details.push({ field: 'proposedStartDate', message: 'must be today or later' });
  }
  if (dto.proposedEndDate < dto.proposedStartDate) {
    details.push({ field: 'proposedEndDate', message: 'must be on or after proposedStartDate' });
  }
  if (!positionsOf(dto.geometry).every((p) => isInGreatBritain(p))) {
    details.push({ field: 'geometry', message: 'must lie in Great Britain' });
  }
  return details;
}
