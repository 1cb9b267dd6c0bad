import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { GeometryDto } from '../../common/geo/geometry.dto';

export class ReinstatementTypeDto {
  @ApiProperty({ description: 'NSG reinstatement type code (1–10, 999 when not known)', example: 4 })
  code!: number;

  @ApiProperty({ example: 'Type 4' })
  description!: string;

  @ApiProperty({ nullable: true, type: String, example: null })
  locationDescription!: string | null;
}

export class NoticeAuthorityDto {
  @ApiProperty({ example: '4720' })
  swaCode!: string;

  @ApiProperty({ example: 'Leeds City Council' })
  name!: string;

  @ApiProperty({ example: 'Whole street' })
  locationDescription!: string;
}

export class InterestAuthorityDto {
  @ApiProperty({ example: 'Canal & River Trust' })
  name!: string;

  @ApiProperty({ example: 'Bridge over the canal' })
  locationDescription!: string;
}

export class SpecialDesignationDto {
  @ApiProperty({ description: 'NSG special designation code', example: 2 })
  code!: number;

  @ApiProperty({ nullable: true, type: String, example: 'Traffic sensitive' })
  description!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Junction with Boar Lane' })
  locationDescription!: string | null;

  @ApiProperty({ nullable: true, type: Boolean, example: true })
  wholeRoad!: boolean | null;
}

export class StreetDto {
  @ApiProperty({ description: 'Unique Street Reference Number', example: 10104523 })
  usrn!: number;

  @ApiProperty({ description: 'Street name (NSG street descriptor)', example: 'Briggate' })
  name!: string;

  @ApiProperty({ example: 'City Centre' })
  area!: string;

  @ApiProperty({ example: 'Leeds' })
  town!: string;

  @ApiProperty({ description: 'SWA code of the street authority', example: '4720' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Road category (deprecated by Street Manager, kept for information)',
    example: 3,
  })
  roadCategory!: number | null;

  @ApiProperty({ example: true })
  trafficSensitive!: boolean;

  @ApiProperty({ type: [ReinstatementTypeDto] })
  reinstatementTypes!: ReinstatementTypeDto[];

  @ApiProperty({ type: [NoticeAuthorityDto], description: 'Authorities to notify of works on this street' })
  primaryNoticeAuthorities!: NoticeAuthorityDto[];

  @ApiProperty({ type: [InterestAuthorityDto] })
  interestAuthorities!: InterestAuthorityDto[];

  @ApiProperty({ type: [SpecialDesignationDto] })
  specialDesignations!: SpecialDesignationDto[];

  @ApiProperty({
    type: GeometryDto,
    nullable: true,
    description: 'The street line, GeoJSON MultiLineString in WGS84',
  })
  geometry!: GeometryDto | null;

  @ApiProperty({
    type: GeometryDto,
    nullable: true,
    description: 'The street’s centre point, GeoJSON Point in WGS84',
  })
  centrePoint!: GeometryDto | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}
