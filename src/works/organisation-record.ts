import { isoDateTime } from '../common/fields/representation';
import type { OrganisationRecordDto } from './dto/work.dto';

const TEXT_FIELDS = ['jobNumber', 'costCentre', 'contactTeam', 'notes'] as const;

/** The works register's answer, read defensively: only known text fields are passed on. */
export function organisationRecordFrom(record: unknown): OrganisationRecordDto {
  if (typeof record !== 'object' || record === null) {
    return { available: true, found: false };
  }
  const source = record as Record<string, unknown>;
  const out: OrganisationRecordDto = { available: true, found: true };
  for (const key of TEXT_FIELDS) {
    if (typeof source[key] === 'string') {
      out[key] = source[key];
    }
  }
  const updatedAt = isoDateTime(source.updatedAt);
  if (updatedAt !== null) {
    out.updatedAt = updatedAt;
  }
  return out;
}

export const ENRICHMENT_UNAVAILABLE_HEADER = 'X-Enrichment-Unavailable';
