import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, Max, Min } from 'class-validator';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';

export class ListStreetsQueryDto extends CollectionQueryDto {
  @ApiProperty({
    description: 'Longitude (WGS84, decimal degrees) of the point to search around',
    example: -1.536845,
    type: Number,
    minimum: -180,
    maximum: 180,
  })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  longitude!: number;

  @ApiProperty({
    description: 'Latitude (WGS84, decimal degrees) of the point to search around',
    example: 53.7572,
    type: Number,
    minimum: -90,
    maximum: 90,
  })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  latitude!: number;
}
