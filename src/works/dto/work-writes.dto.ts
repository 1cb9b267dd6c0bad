import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import type { Geometry } from '../../common/geo/geometry';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { PermitApplicationDto } from '../../permits/dto/permit-application.dto';

const SWA_CODE = /^\d{1,4}$/;

/** A new work and its first permit application. */
export class CreateWorkDto extends PermitApplicationDto {
  @ApiPropertyOptional({
    description:
      'Your own reference for the work (≤ 24 letters, digits, - or _); Street Manager makes one when absent',
    example: 'NGN-2026-000412',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber?: string;

  @ApiProperty({ description: 'SWA code of the promoter', example: '7001' })
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  promoterSwaCode!: string;

  @ApiProperty({ description: 'SWA code of the highway authority for the street', example: '4720' })
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({
    description: 'Unique Street Reference Number of the street',
    example: 10104523,
    type: 'integer',
  })
  @IsInt()
  @Min(1_000_001)
  @Max(99_999_999)
  usrn!: number;

  @IsWorksGeometry()
  geometry!: Geometry;
}
