import type { Caller } from '../auth/caller';
import { type ListSpec, wholeList } from '../common/listing/list-spec';
import type { CollectionQueryDto } from '../common/paging/collection-query.dto';
import {
  type SmWorklist,
  type SmWorklists,
  WORKLIST_SIDES,
  type WorklistApiClient,
} from '../upstreams/street-manager/worklist-api.client';
import type {
  DeemingPermitDto,
  DueWorkStopDto,
  PotentialOverrunDto,
  RefusedPermitDto,
} from './dto/worklist-items.dto';
import type { OrganisationKinds } from './organisation-kinds';
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
export function byDate<R extends { permit_reference_number: string }>(
  date: (row: R) => string,
  direction: 'asc' | 'desc',
) {
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
    return a.permit_reference_number < b.permit_reference_number
      ? -1
      : a.permit_reference_number > b.permit_reference_number
        ? 1
        : 0;
  };
}

export interface Worklists {
  deemingPermits: ListSpec<CollectionQueryDto, DeemingPermitDto>;
  dueWorkStops: ListSpec<CollectionQueryDto, DueWorkStopDto>;
  refusedPermits: ListSpec<CollectionQueryDto, RefusedPermitDto>;
  potentialOverruns: ListSpec<CollectionQueryDto, PotentialOverrunDto>;
}

/**
 * The four worklists: each a Street Manager Worklist API answer (one whole array for the caller's organisation,
 * computed for today), put in a stable order and cut into pages by the kit. The caller's organisation must be on the
 * list's side before Street Manager is asked.
 */
export function worklists(client: WorklistApiClient, kinds: OrganisationKinds): Worklists {
  const rowsOf =
    <K extends SmWorklist>(worklist: K, name: string, order: (a: Row<K>, b: Row<K>) => number) =>
    async (caller: Caller): Promise<{ rows: Row<K>[] }> => {
      await kinds.require(caller, WORKLIST_SIDES[worklist], name);
      return { rows: [...(await client.list(caller, worklist))].sort(order) };
    };
  return {
    deemingPermits: wholeList({
      fields: DEEMING_PERMIT_FIELDS,
      all: rowsOf(
        '/permits-about-to-deem',
        'Permits about to deem',
        byDate((r) => r.deem_date, 'asc'),
      ),
      item: deemingPermit,
    }),
    dueWorkStops: wholeList({
      fields: DUE_WORK_STOP_FIELDS,
      all: rowsOf(
        '/work-stops-due',
        'Work stops due',
        byDate((r) => r.proposed_end_date, 'asc'),
      ),
      item: dueWorkStop,
    }),
    refusedPermits: wholeList({
      fields: REFUSED_PERMIT_FIELDS,
      all: rowsOf(
        '/refused-permits',
        'Refused permits',
        byDate((r) => r.refused_date, 'desc'),
      ),
      item: refusedPermit,
    }),
    potentialOverruns: wholeList({
      fields: POTENTIAL_OVERRUN_FIELDS,
      all: rowsOf(
        '/potential-works-overrunning',
        'Potential overruns',
        byDate((r) => r.reasonable_period_end_date, 'asc'),
      ),
      item: potentialOverrun,
    }),
  };
}
