import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { wholeList } from '../common/listing/list-spec';
import type { CollectionQueryDto } from '../common/paging/collection-query.dto';
import { type SmWorklist, type SmWorklists, WORKLIST_SIDES, WorklistApiClient } from '../upstreams/street-manager/worklist-api.client';
import { OrganisationKinds } from './organisation-kinds';
import {
  DEEMING_PERMIT_FIELDS,
  DUE_WORK_STOP_FIELDS,
  deemingPermit,
  dueWorkStop,
  POTENTIAL_OVERRUN_FIELDS,
  potentialOverrun,
  REFUSED_PERMIT_FIELDS,
  refusedPermit,
} from './worklists.mapper';

type Row<K extends SmWorklist> = SmWorklists[K]['row'];

/**
 * A stable order, so that paging windows cut from separate calls line up: by one of the row's dates (unparseable
 * last), then by permit reference.
 */
export function byDate<R extends { permit_reference_number: string }>(date: (row: R) => string, direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  const time = (row: R) => {
    const t = Date.parse(date(row));
    return Number.isNaN(t) ? undefined : t;
  };
  return (a: R, b: R): number => {
    const ta = time(a);
    const tb = time(b);
    if (ta !== tb) {
      return ta === undefined ? 1 : tb === undefined ? -1 : sign * (ta - tb);
    }
    return a.permit_reference_number < b.permit_reference_number ? -1 : a.permit_reference_number > b.permit_reference_number ? 1 : 0;
  };
}

/**
 * The four worklists: each a Street Manager Worklist API answer (one whole array for the caller's organisation,
 * computed for today), put in a stable order and cut into pages here. The caller's organisation must be on the
 * list's side (OrganisationKinds) before Street Manager is asked.
 */
@Injectable()
export class WorklistsService {
  readonly deemingPermits;
  readonly dueWorkStops;
  readonly refusedPermits;
  readonly potentialOverruns;

  constructor(
    private readonly worklists: WorklistApiClient,
    private readonly kinds: OrganisationKinds,
  ) {
    this.deemingPermits = wholeList({
      fields: DEEMING_PERMIT_FIELDS,
      all: this.rowsOf('/permits-about-to-deem', 'Permits about to deem', byDate((r) => r.deem_date, 'asc')),
      item: deemingPermit,
    });
    this.dueWorkStops = wholeList({
      fields: DUE_WORK_STOP_FIELDS,
      all: this.rowsOf('/work-stops-due', 'Work stops due', byDate((r) => r.proposed_end_date, 'asc')),
      item: dueWorkStop,
    });
    this.refusedPermits = wholeList({
      fields: REFUSED_PERMIT_FIELDS,
      all: this.rowsOf('/refused-permits', 'Refused permits', byDate((r) => r.refused_date, 'desc')),
      item: refusedPermit,
    });
    this.potentialOverruns = wholeList({
      fields: POTENTIAL_OVERRUN_FIELDS,
      all: this.rowsOf('/potential-works-overrunning', 'Potential overruns', byDate((r) => r.reasonable_period_end_date, 'asc')),
      item: potentialOverrun,
    });
  }

  /** Takes a permit off the authority's potential overruns; idempotent, as in Street Manager. */
  async dismissPotentialOverrun(caller: Caller, permitReferenceNumber: string): Promise<void> {
    await this.kinds.require(caller, WORKLIST_SIDES['/potential-works-overrunning'], 'Potential overruns');
    await this.worklists.dismissPotentialOverrun(caller, permitReferenceNumber);
  }

  private rowsOf<K extends SmWorklist>(worklist: K, name: string, order: (a: Row<K>, b: Row<K>) => number) {
    return async (caller: Caller, _query: CollectionQueryDto): Promise<{ rows: Row<K>[] }> => {
      await this.kinds.require(caller, WORKLIST_SIDES[worklist], name);
      const rows = await this.worklists.list(caller, worklist);
      return { rows: [...rows].sort(order) };
    };
  }
}
