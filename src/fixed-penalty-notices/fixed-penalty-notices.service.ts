import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { requireWorkReferenceIn } from '../common/vocabulary/references';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { type Collection, collection } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { fetchWindow } from '../common/paging/upstream-window';
import { endOfDay, startOfDay } from '../common/query/dates';
import { ReportingApiClient, type SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import { sortColumn } from '../common/query/sort';
import { asBodyReference, type SmFpnStatusUpdateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { CreateFixedPenaltyNoticeDto, UpdateFixedPenaltyNoticeStatusDto } from './dto/fixed-penalty-notice-writes.dto';
import type { FixedPenaltyNoticeDto, FixedPenaltyNoticeSummaryDto } from './dto/fixed-penalty-notice.dto';
import type { ListFixedPenaltyNoticesQueryDto } from './dto/list-fixed-penalty-notices-query.dto';
import { FPN_FIELD_NAMES, fpnFromStreetManager, fpnSummaryFromReporting, fpnToStreetManager } from './fixed-penalty-notices.mapper';

type SmQuery = SmReportingLists['/fixed-penalty-notices']['query'];

@Injectable()
export class FixedPenaltyNoticesService {
  constructor(
    private readonly reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {}

  async list(caller: Caller, query: ListFixedPenaltyNoticesQueryDto, fields: FieldSelection, requestUrl: string): Promise<Collection<Partial<FixedPenaltyNoticeSummaryDto>>> {
    const window = pageWindow(query);
    const upstream: SmQuery = {
      query: query.workReferenceNumber,
      status: query.status as SmQuery['status'],
      offence_code: query.offenceCode as SmQuery['offence_code'],
      start_date: startOfDay(query.issueDateFrom),
      end_date: endOfDay(query.issueDateTo),
      status_changed_date_from: startOfDay(query.statusChangedFrom),
      status_changed_date_to: endOfDay(query.statusChangedTo),
      ...sortColumn(query.sort, { issueDate: 'issue_date_time' as const, statusChangedDate: 'status_changed_date' as const }),
    };
    const result = await fetchWindow(window, (offset) => this.reporting.listPage(caller, '/fixed-penalty-notices', upstream, offset));
    return collection(
      result.rows.map((row) => selectFields(fpnSummaryFromReporting(row, caller), fields)),
      window,
      result,
      requestUrl,
    );
  }

  async get(caller: Caller, fpnReferenceNumber: string): Promise<FixedPenaltyNoticeDto> {
    return fpnFromStreetManager(await this.works.getFixedPenaltyNotice(caller, requireWorkReferenceIn(fpnReferenceNumber, 'FPN', 'fixed penalty notice'), fpnReferenceNumber), caller);
  }

  async create(caller: Caller, dto: CreateFixedPenaltyNoticeDto): Promise<FixedPenaltyNoticeDto> {
    if (Date.parse(dto.offenceDate) > Date.now()) {
      throw new ValidationFailedError([{ field: 'offenceDate', message: 'must be in the past' }]);
    }
    const created = await asBodyReference(
      'workReferenceNumber',
      this.works.createFixedPenaltyNotice(caller, dto.workReferenceNumber, fpnToStreetManager(dto), FPN_FIELD_NAMES),
    );
    return this.get(caller, created.fpn_reference_number);
  }

  async updateStatus(caller: Caller, fpnReferenceNumber: string, dto: UpdateFixedPenaltyNoticeStatusDto): Promise<FixedPenaltyNoticeDto> {
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
