import { isoDateTime } from '../common/fields/upstream-values';
import type { WorksRegisterEntry } from '../upstreams/inner-apis/works-register.client';
import type { OrganisationRecordDto } from './dto/work.dto';

/** The works register's entry (validated by WorksRegisterClient), or its absence, as the work's organisation record. */
export function organisationRecordFrom(entry: WorksRegisterEntry | undefined): OrganisationRecordDto {
  if (!entry) {
    return { available: true, found: false };
  }
  const { jobNumber, costCentre, contactTeam, notes } = entry;
  const updatedAt = isoDateTime(entry.updatedAt);
  return {
    available: true,
    found: true,
    jobNumber,
    costCentre,
    contactTeam,
    notes,
    ...(updatedAt !== null ? { updatedAt } : {}),
  };
}

export const ENRICHMENT_UNAVAILABLE_HEADER = 'X-Enrichment-Unavailable';
