import { BadRequestError } from '../errors/api-error';
import { endOfDay, startOfDay } from '../query/dates';
import { clipToGreatBritain } from './bng';
import { type BngBox, bboxToBng } from './geometry';

/** `minLon,minLat,maxLon,maxLat` as numbers, refused (400) when out of range or inside out. */
export function parseBbox(bbox: string): [number, number, number, number] {
  const [minLon, minLat, maxLon, maxLat] = bbox.split(',').map(Number) as [number, number, number, number];
  const problems: string[] = [];
  if ([minLon, maxLon].some((v) => v < -180 || v > 180) || [minLat, maxLat].some((v) => v < -90 || v > 90)) {
    problems.push('longitudes must be within ±180 and latitudes within ±90');
  }
  if (minLon >= maxLon || minLat >= maxLat) {
    problems.push('minimum longitude and latitude must be below the maximum ones');
  }
  if (problems.length > 0) {
    throw new BadRequestError(
      `bbox ${problems[0]}`,
      problems.map((message) => ({ field: 'bbox', message })),
    );
  }
  return [minLon, minLat, maxLon, maxLat];
}

/**
 * A `bbox` filter, with its dates, as Street Manager's map search asks for it (British National Grid, whole days);
 * undefined when the box lies wholly outside Great Britain, where nothing can match.
 */
export function mapSearchBox(
  bbox: string,
  dateFrom: string | undefined,
  dateTo: string | undefined,
): (BngBox & { start_date?: string; end_date?: string }) | undefined {
  const inGreatBritain = clipToGreatBritain(parseBbox(bbox));
  return (
    inGreatBritain && {
      ...bboxToBng(inGreatBritain),
      start_date: startOfDay(dateFrom),
      end_date: endOfDay(dateTo),
    }
  );
}
