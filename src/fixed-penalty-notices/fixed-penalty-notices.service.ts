import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { requireWorkReferenceIn } from '../common/vocabulary/references';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import {
  asBodyReference,
  type SmFpnStatusUpdateRequest,
  WorkApiClient,
} from '../upstreams/street-manager/work-api.client';
import type {
  CreateFixedPenaltyNoticeDto,
  UpdateFixedPenaltyNoticeStatusDto,
} from './dto/fixed-penalty-notice-writes.dto';
import type { FixedPenaltyNoticeDto } from './dto/fixed-penalty-notice.dto';
import { fpnList } from './fixed-penalty-notices.list';
import { FPN_FIELD_NAMES, fpnFromStreetManager, fpnToStreetManager } from './fixed-penalty-notices.mapper';

@Injectable()
export class FixedPenaltyNoticesService {
  readonly list;

  constructor(
    reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {
    this.list = fpnList(reporting);
  }

  async get(caller: Caller, fpnReferenceNumber: string): Promise<FixedPenaltyNoticeDto> {
    return fpnFromStreetManager(
      await this.works.getFixedPenaltyNotice(
        caller,
        requireWorkReferenceIn(fpnReferenceNumber, 'FPN', 'fixed penalty notice'),
        fpnReferenceNumber,
      ),
      caller,
    );
  }

  async create(caller: Caller, dto: CreateFixedPenaltyNoticeDto): Promise<FixedPenaltyNoticeDto> {
    if (Date.parse(dto.offenceDate) > Date.now()) {
      throw new ValidationFailedError([{ field: 'offenceDate', message: 'must be in the past' }]);
    }
    const created = await asBodyReference(
      'workReferenceNumber',
      this.works.createFixedPenaltyNotice(
        caller,
        dto.workReferenceNumber,
        fpnToStreetManager(dto),
        FPN_FIELD_NAMES,
      ),
    );
    return this.get(caller, created.fpn_reference_number);
  }

  async updateStatus(
    caller: Caller,
    fpnReferenceNumber: string,
    dto: UpdateFixedPenaltyNoticeStatusDto,
  ): Promise<FixedPenaltyNoticeDto> {
    const details: ErrorDetail[] = [];
    if ((dto.status === 'withdrawn' || dto.status === 'disputed') && dto.reason === undefined) {
      details.push({ field: 'reason', message: `is required when the status becomes ${dto.status}` });
    }
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const work = requireWorkReferenceIn(fpnReferenceNumber, 'FPN', 'fixed penalty notice');
    await this.works.updateFixedPenaltyNoticeStatus(caller, work, fpnReferenceNumber, {
      fpn_status: dto.status as SmFpnStatusUpdateRequest['fpn_status'],
      status_reason: dto.reason,
    });
    return this.get(caller, fpnReferenceNumber);
  }
}
