import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { NotFoundError } from '../errors/api-error';

/** Street Manager work references: at most 24 letters, digits, `-` or `_`. */
export const WORK_REFERENCE = /^[A-Za-z0-9_-]{1,24}$/;

/** `{work reference}-NN`: the work reference is derived from it, so callers never send both. */
export const PERMIT_REFERENCE = /^([A-Za-z0-9_-]{1,24})-(\d{2})$/;

export function workReferenceOf(permitReferenceNumber: string): string {
  return PERMIT_REFERENCE.exec(permitReferenceNumber)?.[1] ?? '';
}

export class WorkReferenceParamDto {
  @ApiProperty({
    description: 'Work reference number (≤ 24 letters, digits, - or _)',
    example: 'TSR1591199404915',
  })
  @Matches(WORK_REFERENCE, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber!: string;
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
