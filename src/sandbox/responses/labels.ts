import type { Geometry, Position, StreetRecord, WorkRecord } from '../data/records';
import type { SandboxState } from '../sandbox-state';

/** Street Manager's `*_string` fields: the enum value in words ("in_progress" → "In progress"). */
export function label(value: string): string {
  const words = value.replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function centrePoint(geometry: Geometry): { type: 'Point'; coordinates: Position } {
  const points: Position[] =
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'LineString'
        ? geometry.coordinates
        : geometry.coordinates[0].slice(0, -1);
  const e = points.reduce((a, p) => a + p[0], 0) / points.length;
  const n = points.reduce((a, p) => a + p[1], 0) / points.length;
  return { type: 'Point', coordinates: [Math.round(e * 100) / 100, Math.round(n * 100) / 100] };
}

export function boundsOf(geometry: Geometry): { minE: number; minN: number; maxE: number; maxN: number } {
  const points: Position[] =
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'LineString'
        ? geometry.coordinates
        : geometry.coordinates[0];
  return {
    minE: Math.min(...points.map((p) => p[0])),
    minN: Math.min(...points.map((p) => p[1])),
    maxE: Math.max(...points.map((p) => p[0])),
    maxN: Math.max(...points.map((p) => p[1])),
  };
}

export interface StreetView {
  name: string;
  town: string;
  area: string;
  roadCategory: number;
  trafficSensitive: boolean;
}

export function streetOf(
  state: SandboxState,
  work: { usrn: number; streetOverride?: WorkRecord['streetOverride'] },
): StreetView {
  const street: StreetRecord | undefined = state.streets.get(work.usrn);
  if (street) {
    return {
      name: street.name,
      town: street.town,
      area: street.area,
      roadCategory: street.roadCategory,
      trafficSensitive: street.trafficSensitive,
    };
  }
  const o = work.streetOverride;
  return {
    name: o?.name ?? 'Unknown street',
    town: o?.town ?? '',
    area: o?.area ?? '',
    roadCategory: o?.roadCategory ?? 4,
    trafficSensitive: false,
  };
}
