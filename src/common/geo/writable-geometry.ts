import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { geometryToBng } from './geometry';

const WRITABLE = ['Point', 'LineString', 'Polygon'];
/** Positions of a line (or rings of a polygon): far beyond a street's works, small enough to convert at once. */
export const MAX_GEOMETRY_ITEMS = 2_000;

/** A GeoJSON Point, LineString or Polygon in WGS84 [lon, lat], as Street Manager accepts (it takes no Multi*). */
export function IsWorksGeometry(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      description:
        'Where the works are: a GeoJSON Point, LineString or Polygon in WGS84, positions as [longitude, latitude]',
      example: { type: 'Point', coordinates: [-1.548567, 53.801277] },
      type: 'object',
      properties: {
        type: { type: 'string', enum: WRITABLE },
        coordinates: { type: 'array', items: {}, minItems: 1, maxItems: MAX_GEOMETRY_ITEMS },
      },
      required: ['type', 'coordinates'],
    }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'isWorksGeometry',
        target: target.constructor,
        propertyName: String(propertyName),
        options: {
          message: `must be a GeoJSON Point, LineString or Polygon with [longitude, latitude] positions (at most ${MAX_GEOMETRY_ITEMS} coordinates items)`,
        },
        validator: {
          validate(value: unknown, _args: ValidationArguments): boolean {
            if (typeof value !== 'object' || value === null) {
              return false;
            }
            const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
            if (
              !WRITABLE.includes(type as string) ||
              Object.keys(value).some((k) => k !== 'type' && k !== 'coordinates')
            ) {
              return false;
            }
            if (!Array.isArray(coordinates) || coordinates.length > MAX_GEOMETRY_ITEMS) {
              return false;
            }
            const ok = geometryToBng({ type, coordinates }) !== null;
            return ok && JSON.stringify(coordinates).length <= 100_000;
          },
        },
      }),
  );
}
