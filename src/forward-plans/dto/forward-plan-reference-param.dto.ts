import { ChildReferenceProperty } from '../../common/validation/bounded';

export class ForwardPlanReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Forward plan reference number: the work reference followed by -FP- and a number',
    example: 'NGN0000313944-FP-01',
  })
  forwardPlanReferenceNumber!: string;
}
