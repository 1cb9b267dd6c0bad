import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class ActivityReferenceParamDto {
  @ApiProperty({ description: 'Activity reference number', example: 'ACTLCC900123' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  activityReferenceNumber!: string;
}
