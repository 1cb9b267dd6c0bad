import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { withUnknown } from '../../common/vocabulary/street-manager-enums';

export const ORGANISATION_TYPES = ['promoter', 'highway_authority', 'contractor'] as const;
export const ORGANISATION_STATUSES = ['active', 'suspended', 'disabled'] as const;

export class OrganisationSummaryDto {
  @ApiProperty({ description: 'Street works authority (SWA) code, 4 characters', example: '4720' })
  swaCode!: string;

  @ApiProperty({ example: 'Leeds City Council' })
  name!: string;

  @ApiProperty({
    nullable: true,
    enum: withUnknown(ORGANISATION_STATUSES),
    description: '`unknown` for values newer than this API',
    example: 'active',
  })
  status!: string | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}

export class OrganisationAddressDto {
  @ApiProperty({ example: 'Civic Hall' })
  line1!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Calverley Street' })
  line2!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  locality!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds' })
  town!: string | null;

  @ApiProperty({ example: 'LS1 1UR' })
  postcode!: string;
}

export class OrganisationDto extends OrganisationSummaryDto {
  @ApiProperty({ enum: withUnknown(ORGANISATION_TYPES), example: 'highway_authority' })
  type!: string;

  @ApiProperty({
    description: 'Workstream prefix: the start of the organisation’s work reference numbers',
    example: 'LCC',
  })
  prefix!: string;

  @ApiProperty({ type: OrganisationAddressDto })
  address!: OrganisationAddressDto;

  @ApiProperty({ nullable: true, type: String, example: 'streetworks@example.org' })
  email!: string | null;

  @ApiProperty({ example: '0113 222 4444' })
  phoneNumber!: string;

  @ApiProperty({ description: 'Whether HS2 rules apply to the organisation', example: false })
  hs2Applicable!: boolean;

  @ApiProperty({ type: [OrganisationSummaryDto], description: 'Contractors that work for this organisation' })
  contractors!: OrganisationSummaryDto[];
}
