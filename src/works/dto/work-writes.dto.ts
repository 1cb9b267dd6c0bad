import type { Geometry } from '../../common/geo/geometry';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { SwaCodeProperty, UsrnProperty, WorkReferenceProperty } from '../../common/validation/bounded';
import { PermitApplicationDto } from '../../permits/dto/permit-application.dto';

/** A new work and its first permit application. */
export class CreateWorkDto extends PermitApplicationDto {
  // No example: a fixed reference would make the documented example succeed once, then collide.
  @WorkReferenceProperty({
    description:
      'Your own reference for the work (≤ 24 letters, digits, - or _); Street Manager makes one when absent',
    optional: true,
  })
  workReferenceNumber?: string;

  @SwaCodeProperty({ description: 'SWA code of the promoter', example: '7374' })
  promoterSwaCode!: string;

  @SwaCodeProperty({ description: 'SWA code of the highway authority for the street', example: '4720' })
  highwayAuthoritySwaCode!: string;

  @UsrnProperty({ example: 10100456 })
  usrn!: number;

  @IsWorksGeometry()
  geometry!: Geometry;
}
