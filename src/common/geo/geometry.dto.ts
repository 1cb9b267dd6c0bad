import { ApiProperty } from '@nestjs/swagger';

/** Swagger shape of an RFC 7946 geometry in WGS84. */
export class GeometryDto {
  @ApiProperty({
    enum: ['Point', 'LineString', 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon'],
    example: 'Point',
  })
  type!: string;

  @ApiProperty({
    description:
      'WGS84 positions as [longitude, latitude] (RFC 7946), 6 decimal places; nested per geometry type',
    example: [-1.548567, 53.801277],
    type: 'array',
    items: {},
  })
  coordinates!: unknown[];
}
