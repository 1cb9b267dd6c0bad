import { PatternProperty, SM_LIMITS } from '../../common/validation/bounded';

/** `{work reference}-NN`: the work reference is derived from it, so callers never send both. */
export const PERMIT_REFERENCE = /^([A-Za-z0-9_-]{1,24})-(\d{2})$/;

/** A permit reference: a work reference (≤ 24) and `-NN`, so at most 27 characters. */
export function PermitReferenceProperty(doc: { description?: string; example?: string; optional?: boolean }): PropertyDecorator {
  return PatternProperty(
    PERMIT_REFERENCE,
    SM_LIMITS.workReference + 3,
    'must be a work reference number followed by - and two digits',
    doc,
  );
}

export function workReferenceOf(permitReferenceNumber: string): string {
  return PERMIT_REFERENCE.exec(permitReferenceNumber)?.[1] ?? '';
}

export class PermitReferenceParamDto {
  @PermitReferenceProperty({ description: 'Permit reference number, `{workReferenceNumber}-NN`', example: 'NGN0001438138-01' })
  permitReferenceNumber!: string;
}
