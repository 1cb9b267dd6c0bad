import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { BadRequestError, type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { clipToGreatBritain, isInGreatBritain } from '../common/geo/bng';
import { bboxToBng, type Geometry, geometryToBng, positionsOf } from '../common/geo/geometry';
import { type Collection, collection, NOTHING_FOUND } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { fetchWindow } from '../common/paging/upstream-window';
import { WorksRegisterClient } from '../upstreams/inner-apis/works-register.client';
import { GeojsonApiClient, type SmWorkFeature } from '../upstreams/street-manager/geojson-api.client';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { CreateWorkDto, PermitApplicationDto } from './dto/create-work.dto';
import type { ListWorksQueryDto } from './dto/list-works-query.dto';
import type { OrganisationRecordDto, WorkDto, WorkSummaryDto } from './dto/work.dto';
import { organisationRecordFrom } from './organisation-record';
import { workFromCreate, workFromStreetManager, workSummaryFromFeature, workSummaryFromReporting } from './works.mapper';
import { parseBbox, reportingQueryFor } from './works-query.mapper';
import { permitApplicationToStreetManager, STREET_MANAGER_FIELD_NAMES } from './works-write.mapper';

export interface WorkRead {
  work: WorkDto;
  /** false when a configured works register could not be asked; the controller says so in a header */
  enriched: boolean;
  /** false when Street Manager confirmed a create but the work could not be read back: the body holds what is known */
  readBack?: false;
}

/** Filters the GeoJSON source cannot answer; with `bbox` they are refused rather than silently ignored. */
const NOT_WITH_BBOX = ['status', 'highwayAuthority', 'usrn', 'street', 'sort'] as const;

@Injectable()
export class WorksService {
  private readonly logger = new Logger('WorksService');

  constructor(
    private readonly works: WorkApiClient,
    private readonly reporting: ReportingApiClient,
    private readonly geojson: GeojsonApiClient,
    private readonly party: PartyApiClient,
    private readonly register: WorksRegisterClient,
  ) {}

  async list(
    caller: Caller,
    query: ListWorksQueryDto,
    fields: FieldSelection,
    requestUrl: string,
  ): Promise<Collection<Partial<WorkSummaryDto>>> {
    const window = pageWindow(query);
    if (query.bbox !== undefined) {
      return this.listInBox(caller, query, query.bbox, fields, requestUrl);
    }
    const upstreamQuery = reportingQueryFor(query);
    const result = await fetchWindow(window, (offset) =>
      this.reporting.permitsPage(caller, upstreamQuery, offset),
    );
    const rows = result.rows.map((row) => selectFields(workSummaryFromReporting(row, caller), fields));
    return collection(rows, window, result, requestUrl);
  }

  /**
   * Street Manager finds works in a box only through its GeoJSON API, which answers at most 100 features in one
   * go; so the whole box is fetched once, filtered and paged here, and the count is exact.
   */
  private async listInBox(
    caller: Caller,
    query: ListWorksQueryDto,
    bbox: string,
    fields: FieldSelection,
    requestUrl: string,
  ): Promise<Collection<Partial<WorkSummaryDto>>> {
    const clashes = NOT_WITH_BBOX.filter((name) => query[name] !== undefined);
    if (clashes.length > 0) {
      throw new BadRequestError(
        `${clashes.join(', ')} cannot be combined with bbox`,
        clashes.map((field) => ({ field, message: 'cannot be combined with bbox' })),
      );
    }
    const window = pageWindow(query);
    const inGreatBritain = clipToGreatBritain(parseBbox(bbox));
    if (!inGreatBritain) {
      return collection([], window, NOTHING_FOUND, requestUrl);
    }
    const box = bboxToBng(inGreatBritain);
    const found = await this.geojson.worksInBox(caller, {
      ...box,
      start_date: query.dateFrom ? `${query.dateFrom}T00:00:00.000Z` : undefined,
      end_date: query.dateTo ? `${query.dateTo}T23:59:59.999Z` : undefined,
    });
    const matches = (f: SmWorkFeature): boolean =>
      (query.workCategory === undefined || query.workCategory.includes(f.properties.work_category)) &&
      (query.promoter === undefined || f.properties.promoter_swa_code === query.promoter);
    const all = found.features.filter(matches);
    const rows = all
      .slice(window.offset, window.offset + window.limit)
      .map((f) => selectFields(workSummaryFromFeature(f, caller), fields));
    return collection(
      rows,
      window,
      { count: all.length, countIsLowerBound: false, hasMore: window.offset + window.limit < all.length },
      requestUrl,
    );
  }

  /** Street Manager and the works register are asked at the same time; the register may fail without failing the read. */
  async get(caller: Caller, workReferenceNumber: string): Promise<WorkRead> {
    const [work, { record, enriched }] = await Promise.all([
      this.works.getWork(caller, workReferenceNumber),
      this.organisationRecord(caller, workReferenceNumber),
    ]);
    return { work: workFromStreetManager(work, record, caller), enriched };
  }

  private async organisationRecord(
    caller: Caller,
    workReferenceNumber: string,
  ): Promise<{ record: OrganisationRecordDto | null; enriched: boolean }> {
    if (this.register.configured && !this.register.mayRead(caller)) {
      return { record: null, enriched: true };
    }
    // A gateway without a works register lacks nothing it was meant to have: no degradation to report.
    if (!this.register.configured) {
      return { record: { available: false }, enriched: true };
    }
    try {
      return {
        record: organisationRecordFrom(await this.register.getWork(workReferenceNumber)),
        enriched: true,
      };
    } catch (e) {
      this.logger.warn(
        { err: e instanceof Error ? e.name : 'unknown', workReferenceNumber },
        'works register unavailable; work returned without it',
      );
      return { record: { available: false }, enriched: false };
    }
  }

  async create(caller: Caller, dto: CreateWorkDto): Promise<WorkRead> {
    const details = [...checkPermitApplication(dto, new Date()), ...checkGeometry(dto.geometry)];
    if (details.length === 0 && !(await this.party.organisationExists(caller, dto.highwayAuthoritySwaCode))) {
      details.push({
        field: 'highwayAuthoritySwaCode',
        message: `no organisation has SWA code ${dto.highwayAuthoritySwaCode}`,
      });
    }
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const created = await this.works.createWork(
      caller,
      {
        ...permitApplicationToStreetManager(dto),
        work_reference_number: dto.workReferenceNumber,
        promoter_swa_code: dto.promoterSwaCode,
        highway_authority_swa_code: dto.highwayAuthoritySwaCode,
        usrn: dto.usrn,
        works_coordinates: geometryToBng(dto.geometry),
      },
      STREET_MANAGER_FIELD_NAMES,
    );
    try {
      return await this.get(caller, created.work_reference_number);
    } catch (e) {
      // Street Manager has the work: failing now would invite a retry that creates a second one.
      this.logger.warn(
        { err: e instanceof Error ? e.name : 'unknown', workReferenceNumber: created.work_reference_number },
        'work created but not read back; answered with what is known',
      );
      return { work: workFromCreate(created, dto, caller), enriched: true, readBack: false };
    }
  }
}

/** Street Manager's date rules for a permit application, as 422 details (Street Manager's own text never reaches callers). */
export function checkPermitApplication(dto: PermitApplicationDto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const today = now.toISOString().slice(0, 10);
  if (dto.proposedEndDate < dto.proposedStartDate) {
    details.push({ field: 'proposedEndDate', message: 'must be on or after proposedStartDate' });
  }
  if (dto.workType === 'planned' && dto.proposedStartDate < today) {
    details.push({ field: 'proposedStartDate', message: 'must be today or later for planned works' });
  }
  if (dto.workType === 'planned' && dto.ttroRequired === undefined) {
    details.push({ field: 'ttroRequired', message: 'is required for planned works' });
  }
  if (dto.workType === 'immediate' && dto.immediateRisk === undefined) {
    details.push({ field: 'immediateRisk', message: 'is required for immediate works' });
  }
  const start = new Date(`${dto.proposedStartDate}T00:00:00Z`);
  const fiveYearsLater = new Date(start);
  fiveYearsLater.setUTCFullYear(start.getUTCFullYear() + 5);
  if (dto.workType === 'planned' && new Date(`${dto.proposedEndDate}T00:00:00Z`) > fiveYearsLater) {
    details.push({
      field: 'proposedEndDate',
      message: 'must be within 5 years of proposedStartDate for planned works',
    });
  }
  if (Number.isNaN(start.getTime()) || Number.isNaN(Date.parse(`${dto.proposedEndDate}T00:00:00Z`))) {
    details.push({ field: 'proposedStartDate', message: 'must be a real calendar date' });
  }
  return details;
}

function checkGeometry(geometry: Geometry): ErrorDetail[] {
  return positionsOf(geometry).every(isInGreatBritain)
    ? []
    : [{ field: 'geometry', message: 'must lie in Great Britain' }];
}
