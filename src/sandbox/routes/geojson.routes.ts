import { organisationBySwa } from '../data/organisations';
import type { Geometry } from '../data/records';
import { boundsOf, centrePoint, label, streetOf } from '../responses/labels';
import { activePermit } from '../responses/work-api.responses';
import { SmError, type Query, type SandboxContext } from '../sandbox-context';
import { dateParam, numberParam, single } from './route-helpers';

/** The real GeoJSON API refuses a query that would return more than 100 features, with 403. */
export const MAX_FEATURES = 100;

interface Bbox {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

/**
 * GeoJSON API (`/v6/geojson`): BNG feature collections by bounding box. Like Street Manager's map, it shows every
 * organisation's works, not only the caller's.
 */
export function registerGeojsonRoutes(ctx: SandboxContext): void {
  const { state } = ctx;

  ctx.route('GET', 'geojson', '/works', 'data', (req) => {
    const box = bbox(req.query);
    const [from, to] = [
      dateParam(req.query.start_date, 'start_date'),
      dateParam(req.query.end_date, 'end_date'),
    ];
    const reference = single(req.query.work_reference_number);
    const features = [];
    for (const work of state.workList) {
      const permit = activePermit(work);
      const street = streetOf(state, work);
      const streetProperties = () => ({
        usrn: work.usrn,
        street: street.name,
        town: street.town,
        area: street.area,
        highway_authority: organisationBySwa(work.haSwa)?.name ?? work.haSwa,
      });
      if (
        !permit ||
        (reference && work.reference !== reference) ||
        !intersects(box, work.geometry) ||
        !overlaps(permit.proposedStart, permit.proposedEnd, from, to)
      ) {
        continue;
      }
      features.push({
        type: 'Feature',
        geometry: geometry(work.geometry),
        properties: {
          work_reference_number: work.reference,
          permit_reference_number: permit.reference,
          promoter_organisation: organisationBySwa(work.promoterSwa)?.name ?? work.promoterSwa,
          promoter_swa_code: work.promoterSwa,
          work_category: permit.category,
          work_category_string: label(permit.category),
          start_date: permit.actualStart ?? permit.proposedStart,
          end_date: permit.actualStop ?? permit.proposedEnd,
          traffic_management_type: permit.trafficManagementType,
          traffic_management_type_string: label(permit.trafficManagementType),
          work_centre_point: centrePoint(work.geometry),
          permit_status: permit.status,
          permit_status_string: label(permit.status),
          ...streetProperties(),
        },
      });
    }
    return collection(features);
  });

  ctx.route('GET', 'geojson', '/activities', 'data', (req) => {
    const box = bbox(req.query);
    const [from, to] = [
      dateParam(req.query.start_date, 'start_date'),
      dateParam(req.query.end_date, 'end_date'),
    ];
    const features = [...state.activities.values()]
      .filter((a) => intersects(box, a.geometry) && overlaps(a.start, a.end, from, to))
      .map((a) => {
        const street = streetOf(state, a);
        return {
          type: 'Feature',
          geometry: geometry(a.geometry),
          properties: {
            activity_centre_point: centrePoint(a.geometry),
            activity_name: a.name,
            activity_location_description: a.locationDescription,
            activity_reference_number: a.reference,
            activity_type: a.activityType,
            activity_type_string: label(a.activityType),
            area_name: street.area,
            cancelled: a.cancelled,
            end_date: a.end,
            street_name: street.name,
            start_date: a.start,
          },
        };
      });
    return collection(features);
  });

  ctx.route('GET', 'geojson', '/forward-plans', 'data', (req) => {
    const box = bbox(req.query);
    const [from, to] = [
      dateParam(req.query.start_date, 'start_date'),
      dateParam(req.query.end_date, 'end_date'),
    ];
    const reference = single(req.query.forward_plan_reference_number);
    const features = state.workList.flatMap((work) =>
      work.forwardPlans
        .filter(
          (f) =>
            (!reference || f.reference === reference) &&
            intersects(box, work.geometry) &&
            overlaps(f.start, f.end, from, to),
        )
        .map((f) => {
          const street = streetOf(state, work);
          return {
            type: 'Feature',
            geometry: geometry(work.geometry),
            properties: {
              forward_plan_reference_number: f.reference,
              work_reference_number: work.reference,
              forward_plan_status: f.status,
              forward_plan_status_string: label(f.status),
              work_centre_point: centrePoint(work.geometry),
              street: street.name,
              area: street.area,
              start_date: f.start,
              end_date: f.end,
              description_of_work: f.description,
              promoter_organisation: organisationBySwa(work.promoterSwa)?.name ?? work.promoterSwa,
              location_description: f.locationDescription,
            },
          };
        }),
    );
    return collection(features);
  });
}

function collection(features: unknown[]): { status: number; body: unknown } {
  if (features.length > MAX_FEATURES) {
    throw new SmError(
      403,
      `The query returns more than ${MAX_FEATURES} features; narrow the bounding box or dates`,
    );
  }
  return { status: 200, body: { type: 'FeatureCollection', features } };
}

function bbox(q: Query): Bbox {
  const box = {
    minE: numberParam(q.minEasting, 'minEasting', true)!,
    minN: numberParam(q.minNorthing, 'minNorthing', true)!,
    maxE: numberParam(q.maxEasting, 'maxEasting', true)!,
    maxN: numberParam(q.maxNorthing, 'maxNorthing', true)!,
  };
  if (box.minE > box.maxE || box.minN > box.maxN) {
    throw new SmError(400, 'The bounding box minimum must not exceed its maximum');
  }
  return box;
}

function intersects(box: Bbox, g: Geometry): boolean {
  const b = boundsOf(g);
  return b.maxE >= box.minE && b.minE <= box.maxE && b.maxN >= box.minN && b.minN <= box.maxN;
}

function overlaps(start: string, end: string, from: number | undefined, to: number | undefined): boolean {
  return (from === undefined || Date.parse(end) >= from) && (to === undefined || Date.parse(start) <= to);
}

function geometry(g: Geometry): Record<string, unknown> {
  return { type: g.type, type_string: g.type, coordinates: g.coordinates };
}
