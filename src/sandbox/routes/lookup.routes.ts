import { organisationBySwa } from '../data/organisations';
import type { Position, StreetRecord } from '../data/records';
import { label } from '../responses/labels';
import { SmError, type SandboxContext } from '../sandbox-context';
import { numberParam, single } from './route-helpers';

/** how far from a street a point may lie and still find it, metres */
const POINT_TOLERANCE_M = 100;

/** Street Lookup API (`/v3/lookup`): the NSG streets the sandbox knows, by point, by USRN and by name. */
export function registerLookupRoutes(ctx: SandboxContext): void {
  const { state } = ctx;

  ctx.route('GET', 'lookup', '/nsg/streets', 'data', (req) => {
    const easting = numberParam(req.query.easting, 'easting', true)!;
    const northing = numberParam(req.query.northing, 'northing', true)!;
    const near = [...state.streets.values()]
      .map((street) => ({ street, distance: distanceToLine([easting, northing], street.line) }))
      .filter((s) => s.distance <= POINT_TOLERANCE_M)
      .sort((a, b) => a.distance - b.distance);
    if (near.length === 0) {
      throw new SmError(404, 'No streets found');
    }
    return { status: 200, body: near.map((s) => streetResponse(s.street)) };
  });

  ctx.route('GET', 'lookup', '/nsg/streets/{usrn}', 'data', (req) => {
    const street = state.streets.get(Number(req.params.usrn));
    if (!street) {
      throw new SmError(404, 'Street not found');
    }
    return { status: 200, body: streetResponse(street) };
  });

  ctx.route('GET', 'lookup', '/nsg/search', 'data', (req) => {
    const text = single(req.query.query)?.toLowerCase();
    if (!text) {
      throw new SmError(400, 'query is required');
    }
    const rows = [...state.streets.values()]
      .filter((s) => s.name.toLowerCase().includes(text) || String(s.usrn).startsWith(text))
      .slice(0, 50)
      .map((s) => ({
        street_descriptor: s.name,
        area: s.area,
        town: s.town,
        usrn: s.usrn,
        administrative_area: organisationBySwa(s.haSwa)?.name ?? s.haSwa,
        street_centre_point: { type: 'Point', coordinates: centre(s.line) },
      }));
    return { status: 200, body: rows };
  });
}

function streetResponse(s: StreetRecord): Record<string, unknown> {
  const authority = organisationBySwa(s.haSwa)?.name ?? s.haSwa;
  const code = s.roadCategory <= 2 ? 2 : 4;
  return {
    usrn: s.usrn,
    street_descriptor: s.name,
    area: s.area,
    town: s.town,
    authority,
    authority_swa_code: s.haSwa,
    road_category: s.roadCategory,
    reinstatement_types: [{ reinstatement_type_code: code, reinstatement_type_code_string: label(`type_${code}`), reinstatement_type_location_text: null }],
    traffic_sensitive: s.trafficSensitive,
    primary_notice_authorities: [{ swa_code: s.haSwa, name: authority, location_description: 'Whole street' }],
    interest_authorities: [],
    additional_special_designations_response: [],
    street_line: { type: 'MultiLineString', coordinates: [s.line] },
    street_centre_point: { type: 'Point', coordinates: centre(s.line) },
  };
}

function centre(line: Position[]): Position {
  const mid = line[Math.floor(line.length / 2)];
  return [mid[0], mid[1]];
}

function distanceToLine(p: Position, line: Position[]): number {
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) {
    const [a, b] = [line[i], line[i + 1]];
    const dx = b[0] - a[0];
    const dy = b[1] - a[1];
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy)));
  }
  return best;
}
