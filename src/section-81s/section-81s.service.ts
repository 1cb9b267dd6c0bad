import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { requireWorkReferenceIn } from '../common/vocabulary/references';
import { ConflictError, type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { isInGreatBritain } from '../common/geo/bng';
import { positionsOf } from '../common/geo/geometry';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import {
  type SmSection81StatusUpdateRequest,
  WorkApiClient,
} from '../upstreams/street-manager/work-api.client';
import type { Section81Dto } from './dto/section-81.dto';
import { CLOSED_SECTION_81_STATUSES } from './dto/section-81-enums';
import type { CreateSection81Dto, UpdateSection81StatusDto } from './dto/section-81-writes.dto';
import {
  SECTION_81_FIELD_NAMES,
  section81FromStreetManager,
  section81ToStreetManager,
} from './section-81s.mapper';

import { section81List } from './section-81s.list';

@Injectable()
export class Section81sService {
  readonly list;

  constructor(
    reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {
    this.list = section81List(reporting);
  }

  async get(caller: Caller, reference: string): Promise<Section81Dto> {
    return section81FromStreetManager(
      await this.works.getSection81(
        caller,
        requireWorkReferenceIn(reference, 'S81', 'section 81'),
        reference,
      ),
      caller,
    );
  }

  async create(caller: Caller, dto: CreateSection81Dto): Promise<Section81Dto> {
    const details = checkSection81(dto, new Date());
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const created = await this.works.createSection81(
      caller,
      section81ToStreetManager(dto),
      SECTION_81_FIELD_NAMES,
    );
    return this.get(caller, created.section_81_reference_number);
  }

  async updateStatus(
    caller: Caller,
    reference: string,
    dto: UpdateSection81StatusDto,
  ): Promise<Section81Dto> {
    // Street Manager would overwrite a closed notice's status; a closed notice stays closed.
    const current = await this.get(caller, reference);
    if (CLOSED_SECTION_81_STATUSES.includes(current.status)) {
      throw new ConflictError(`section 81 ${reference} is ${current.status} and can no longer change`);
    }
    await this.works.updateSection81Status(caller, current.workReferenceNumber, reference, {
      section_81_status: dto.status as SmSection81StatusUpdateRequest['section_81_status'],
      status_reason: dto.reason,
    });
    return this.get(caller, reference);
  }
}

export function checkSection81(dto: CreateSection81Dto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (Date.parse(dto.inspectionDate) > now.getTime()) {
    details.push({ field: 'inspectionDate', message: 'must not be in the future' });
  }
  if (dto.type === 'other' && dto.otherTypeDetails === undefined) {
    details.push({ field: 'otherTypeDetails', message: 'is required when type is other' });
  }
  if (!positionsOf(dto.geometry).every((p) => isInGreatBritain(p))) {
    details.push({ field: 'geometry', message: 'must lie in Great Britain' });
  }
  return details;
}
