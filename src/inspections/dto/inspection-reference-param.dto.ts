import { ChildReferenceProperty } from '../../common/validation/bounded';

export class InspectionReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Inspection reference number: the work reference followed by -INSP- and a number',
    example: 'NGN0000188644-INSP-01',
  })
  inspectionReferenceNumber!: string;
}
