import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class SwaCodeParamDto {
  @ApiProperty({ description: 'Street works authority (SWA) code of the organisation, 4 characters', example: '4720' })
  @Matches(/^[A-Za-z0-9]{1,4}$/, { message: 'must be a SWA code of 1 to 4 letters or digits' })
  swaCode!: string;
}
