import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export class UsrnParamDto {
  @ApiProperty({ description: 'Unique Street Reference Number', example: 10104523, type: 'integer' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(99_999_999)
  usrn!: number;
}
