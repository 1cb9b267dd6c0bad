import { organisationBySwa } from '../data/organisations';
import type { Position, StreetRecord } from '../data/records';
import { label } from '../responses/labels';
import { SmError, type SandboxContext } from '../sandbox-context';
import { STREET_SEARCH_MAX_COORDINATES } from '../../upstreams/street-manager/v6-assumptions';
import { single } from './route-helpers';

/** how far from a street a point may lie and still find it, metres */
const POINT_TOLERANCE_M = 100;

/** Street Lookup API (`/v6/lookup`): the NSG streets the sandbox knows, by points, by USRN and by name. */
export function registerLookupRoutes(ctx: SandboxContext): void {
  const { state } = ctx;

  // V6 finds streets by up to 10 points in one call (V3's GET by one point is gone); nothing near is an empty list.
  ctx.route('POST', 'lookup', '/nsg/streets/search', 'data', (req) => {
    const { coordinates } = req.body as { coordinates: { easting: number; northing: number }[] };
    if (coordinates.length < 1 || coordinates.length > STREET_SEARCH_MAX_COORDINATES) {
      throw new SmError(400, `coordinates must hold 1 to ${STREET_SEARCH_MAX_COORDINATES} points`);
    }
    if (new Set(coordinates.map((c) => `${c.easting},${c.northing}`)).size !== coordinates.length) {
      throw new SmError(400, 'coordinates must be unique');
    }
    const best = new Map<number, { street: StreetRecord; distance: number }>();
    for (const { easting, northing } of coordinates) {
      for (const street of state.streets.values()) {
        const distance = distanceToLine([easting, northing], street.line);
        if (distance <= POINT_TOLERANCE_M && distance < (best.get(street.usrn)?.distance ?? Infinity)) {
          best.set(street.usrn, { street, distance });
        }
      }
    }
    const near = [...best.values()].sort((a, b) => a.distance - b.distance);
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
    reinstatement_types: [
      {
        reinstatement_type_code: code,
        reinstatement_type_code_string: label(`type_${code}`),
        reinstatement_type_location_text: null,
        is_active: true,
      },
    ],
    traffic_sensitive: s.trafficSensitive,
    primary_notice_authorities: [
      { swa_code: s.haSwa, name: authority, location_description: 'Whole street' },
    ],
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
