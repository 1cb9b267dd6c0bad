import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { BadRequestError, ConflictError, type ErrorDetail, NotFoundError, ValidationFailedError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { type Collection, collection } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { fetchWindow } from '../common/paging/upstream-window';
import { workReferenceOf } from '../common/vocabulary/references';
import { endOfDay, startOfDay } from '../common/query/dates';
import { ReportingApiClient, type SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import { sortColumn } from '../common/query/sort';
import { asBodyReference, type SmPermitAlterationStatusUpdateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { ListPermitAlterationsQueryDto } from './dto/list-permit-alterations-query.dto';
import type { PermitAlterationDto, PermitAlterationSummaryDto } from './dto/permit-alteration.dto';
import { ASSESSABLE_ALTERATION_STATUS } from './dto/permit-alteration-enums';
import type { CreatePermitAlterationDto, UpdatePermitAlterationStatusDto } from './dto/permit-alteration-writes.dto';
import { ALTERATION_FIELD_NAMES, alterationFromStreetManager, alterationSummaryFromReporting, alterationToStreetManager, permitOfAlteration } from './permit-alterations.mapper';

type SmQuery = SmReportingLists['/alterations']['query'];

@Injectable()
export class PermitAlterationsService {
  constructor(
    private readonly reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {}

  async list(caller: Caller, query: ListPermitAlterationsQueryDto, fields: FieldSelection, requestUrl: string): Promise<Collection<Partial<PermitAlterationSummaryDto>>> {
    const { permitReferenceNumber: permit, workReferenceNumber: work } = query;
    if (permit && work && workReferenceOf(permit) !== work) {
      throw new BadRequestError('permitReferenceNumber is not a permit of workReferenceNumber', [
        { field: 'permitReferenceNumber', message: `must be a permit of work ${work}` },
      ]);
    }
    const window = pageWindow(query);
    const upstream: SmQuery = {
      // Street Manager's reference search: an alteration's reference contains its permit's, which contains its work's.
      query: permit ?? work,
      alteration_status: query.status as SmQuery['alteration_status'],
      alteration_type: query.type as SmQuery['alteration_type'],
      work_status: query.workStatus as SmQuery['work_status'],
      work_category: query.workCategory as SmQuery['work_category'],
      start_date_created: startOfDay(query.createdFrom),
      end_date_created: endOfDay(query.createdTo),
      ...sortColumn(query.sort, {
        dateCreated: 'date_created' as const,
        proposedStartDate: 'proposed_start_date' as const,
        proposedEndDate: 'proposed_end_date' as const,
        statusChangedDate: 'status_changed_date' as const,
      }),
    };
    const result = await fetchWindow(window, (offset) => this.reporting.listPage(caller, '/alterations', upstream, offset));
    return collection(
      result.rows.map((row) => selectFields(alterationSummaryFromReporting(row, caller), fields)),
      window,
      result,
      requestUrl,
    );
  }

  async get(caller: Caller, reference: string): Promise<PermitAlterationDto> {
    const { work, permit } = this.permitOf(reference);
    return alterationFromStreetManager(await this.works.getPermitAlteration(caller, work, permit, reference), caller);
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

  async assess(caller: Caller, reference: string, dto: UpdatePermitAlterationStatusDto): Promise<PermitAlterationDto> {
    const details = checkAssessment(dto);
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const current = await this.get(caller, reference);
    if (current.status !== ASSESSABLE_ALTERATION_STATUS) {
      throw new ConflictError(`permit alteration ${reference} is ${current.status} and can no longer be assessed`);
    }
    const { work, permit } = this.permitOf(reference);
    await this.works.updatePermitAlterationStatus(caller, work, permit, reference, {
      alteration_status: dto.status as SmPermitAlterationStatusUpdateRequest['alteration_status'],
      assessment_comments: dto.comments,
      assessment_discount: dto.discountPercent,
      reasonable_period_end_date: dto.reasonablePeriodEndDate ? `${dto.reasonablePeriodEndDate}T00:00:00.000Z` : undefined,
    });
    return this.get(caller, reference);
  }

  /** Street Manager wants the whole permit again: the caller's changes over the permit as it stands. */
  private async createOn(caller: Caller, work: string, dto: CreatePermitAlterationDto) {
    const permit = await this.works.getPermit(caller, work, dto.permitReferenceNumber);
    return this.works.createPermitAlteration(caller, work, dto.permitReferenceNumber, alterationToStreetManager(dto, permit), ALTERATION_FIELD_NAMES);
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
