import { Type } from 'class-transformer';
import { IntegerProperty, USRN_MAX } from '../../common/validation/bounded';

export class UsrnParamDto {
  @Type(() => Number)
  @IntegerProperty(1, USRN_MAX, { description: 'Unique Street Reference Number', example: 10100456 })
  usrn!: number;
}
