import { NotFoundError } from '../errors/api-error';
import {
  PERMIT_REFERENCE,
  PermitReferenceProperty,
  WORK_REFERENCE,
  WorkReferenceProperty,
} from '../validation/bounded';

/** The shapes live with their bounded decorators (src/common/validation/bounded.ts). */
export { PERMIT_REFERENCE, WORK_REFERENCE };

export function workReferenceOf(permitReferenceNumber: string): string {
  return PERMIT_REFERENCE.exec(permitReferenceNumber)?.[1] ?? '';
}

export class WorkReferenceParamDto {
  // A seeded sandbox work with a comment, so Try it out finds data on /v1/works/{w} and its comments alike.
  @WorkReferenceProperty({
    description: 'Work reference number (≤ 24 letters, digits, - or _)',
    example: 'NGN0002202682',
  })
  workReferenceNumber!: string;
}

export class PermitReferenceParamDto {
  @PermitReferenceProperty({
    description: 'Permit reference number, `{workReferenceNumber}-NN`',
    example: 'NGN0001447933-01',
  })
  permitReferenceNumber!: string;
}

const patterns = new Map<string, RegExp>();

/**
 * Street Manager builds the references of a work's inspections, FPNs, forward plans and section 81s from the
 * work's own: `NGN0000123-FPN-01` belongs to `NGN0000123`. Undefined when the reference is not of that kind.
 */
export function workReferenceIn(reference: string, marker: string): string | undefined {
  let pattern = patterns.get(marker);
  if (!pattern) {
    pattern = new RegExp(`^(.+)-${marker}-\\d+$`);
    patterns.set(marker, pattern);
  }
  return pattern.exec(reference)?.[1];
}

/** The work a child reference belongs to; a reference of another shape names nothing we have, so it is a 404. */
export function requireWorkReferenceIn(reference: string, marker: string, resource: string): string {
  const work = workReferenceIn(reference, marker);
  if (work === undefined) {
    throw new NotFoundError(resource, reference);
  }
  return work;
}
