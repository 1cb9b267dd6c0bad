import { ChildReferenceProperty } from '../../common/validation/bounded';

export class ActivityReferenceParamDto {
  @ChildReferenceProperty({ description: 'Activity reference number', example: 'ACTLCC000001' })
  activityReferenceNumber!: string;
}
