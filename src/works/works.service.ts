import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { isInGreatBritain } from '../common/geo/bng';
import { type Geometry, geometryToBng, positionsOf } from '../common/geo/geometry';
import { WorksRegisterClient } from '../upstreams/inner-apis/works-register.client';
import { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { CreateWorkDto } from './dto/work-writes.dto';
import type { ListWorksQueryDto } from './dto/list-works-query.dto';
import type { OrganisationRecordDto, WorkDto } from './dto/work.dto';
import { organisationRecordFrom } from './organisation-record';
import { workFromCreate, workFromStreetManager } from './works.mapper';
import {
  checkPermitApplication,
  permitApplicationToStreetManager,
  STREET_MANAGER_FIELD_NAMES,
} from '../permits/permit-application';

export interface WorkRead {
  work: WorkDto;
  /** false when a configured works register could not be asked; the controller says so in a header */
  enriched: boolean;
  /** false when Street Manager confirmed a create but the work could not be read back: the body holds what is known */
  readBack?: false;
}

import { workList, worksInBoxList } from './works.list';

@Injectable()
export class WorksService {
  private readonly logger = new Logger('WorksService');
  private readonly list;
  private readonly inBox;

  constructor(
    private readonly works: WorkApiClient,
    reporting: ReportingApiClient,
    geojson: GeojsonApiClient,
    private readonly party: PartyApiClient,
    private readonly register: WorksRegisterClient,
  ) {
    this.list = workList(reporting);
    this.inBox = worksInBoxList(geojson);
  }

  /** With `bbox`, the works come from Street Manager's map search; otherwise from its reporting list. */
  listFor(query: ListWorksQueryDto) {
    return query.bbox !== undefined ? this.inBox : this.list;
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
        record: organisationRecordFrom(await this.register.getEntry(workReferenceNumber)),
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

function checkGeometry(geometry: Geometry): ErrorDetail[] {
  return positionsOf(geometry).every(isInGreatBritain)
    ? []
    : [{ field: 'geometry', message: 'must lie in Great Britain' }];
}
