import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { BadRequestError, type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { type Collection, collection } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { fetchWindow } from '../common/paging/upstream-window';
import { ReportingApiClient, type SmPermitsQuery } from '../upstreams/street-manager/reporting-api.client';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { checkPermitApplication } from './permit-application';
import { permitApplicationToStreetManager, STREET_MANAGER_FIELD_NAMES } from './permit-application';
import type { ListPermitsQueryDto } from './dto/list-permits-query.dto';
import type { PermitDto } from './dto/permit.dto';
import { workReferenceOf } from '../common/vocabulary/references';
import type { AssessPermitDto, CreatePermitDto, UpdatePermitStatusDto } from './dto/permit-writes.dto';
import { permitFromReporting, permitFromStreetManager } from './permits.mapper';

const SORT_COLUMNS: Record<string, NonNullable<SmPermitsQuery['sort_column']>> = {
  dateCreated: 'date_created',
  deadlineDate: 'deadline_date',
  proposedStartDate: 'start_date',
  proposedEndDate: 'end_date',
  statusChangedDate: 'status_changed_date',
};

const day = (date: string | undefined, time: string): string | undefined =>
  date ? `${date}T${time}Z` : undefined;

function checkRange(
  from: string | undefined,
  to: string | undefined,
  fromName: string,
  toName: string,
): void {
  if (from && to && from > to) {
    throw new BadRequestError(`${fromName} must be on or before ${toName}`, [
      { field: fromName, message: `must be on or before ${toName}` },
    ]);
  }
}

/** Our permit filters as Street Manager's reporting query (camelCase in, snake_case out, explicitly). */
export function permitsReportingQuery(q: ListPermitsQueryDto): SmPermitsQuery {
  checkRange(q.dateFrom, q.dateTo, 'dateFrom', 'dateTo');
  checkRange(q.createdFrom, q.createdTo, 'createdFrom', 'createdTo');
  const descending = q.sort?.startsWith('-') ?? false;
  const sortField = q.sort === undefined ? undefined : descending ? q.sort.slice(1) : q.sort;
  return {
    status: q.status as SmPermitsQuery['status'],
    work_status: q.workStatus as SmPermitsQuery['work_status'],
    work_category: q.workCategory as SmPermitsQuery['work_category'],
    query: q.workReferenceNumber,
    active_permit_only: q.activeOnly,
    is_traffic_sensitive: q.trafficSensitive,
    swa_code: q.highwayAuthority ?? q.promoter,
    start_date: day(q.dateFrom, '00:00:00.000'),
    end_date: day(q.dateTo, '23:59:59.999'),
    start_date_created: day(q.createdFrom, '00:00:00.000'),
    end_date_created: day(q.createdTo, '23:59:59.999'),
    ...(sortField
      ? { sort_column: SORT_COLUMNS[sortField], sort_direction: descending ? 'desc' : 'asc' }
      : {}),
  };
}

@Injectable()
export class PermitsService {
  constructor(
    private readonly works: WorkApiClient,
    private readonly reporting: ReportingApiClient,
  ) {}

  async list(
    caller: Caller,
    query: ListPermitsQueryDto,
    fields: FieldSelection,
    requestUrl: string,
  ): Promise<Collection<Partial<PermitDto>>> {
    const window = pageWindow(query);
    const upstreamQuery = permitsReportingQuery(query);
    const result = await fetchWindow(window, (offset) =>
      this.reporting.permitsPage(caller, upstreamQuery, offset),
    );
    const rows = result.rows.map((row) => selectFields(permitFromReporting(row, caller), fields));
    return collection(rows, window, result, requestUrl);
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
