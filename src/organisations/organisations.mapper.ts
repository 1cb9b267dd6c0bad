import type { Caller } from '../auth/caller';
import { openEnum, openEnumOrNull, textOrNull } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import { withQuery } from '../common/links/paths';
import type { SmOrganisation, SmOrganisationSummary } from '../upstreams/street-manager/party-api.client';
import {
  ORGANISATION_STATUSES,
  ORGANISATION_TYPES,
  type OrganisationDto,
  type OrganisationSummaryDto,
} from './dto/organisation.dto';
import { organisationPath, V1 } from '../common/links/paths';

export const ORGANISATION_SUMMARY_FIELDS = ['swaCode', 'name', 'status'] as const;
export const ORGANISATION_FIELDS = [
  ...ORGANISATION_SUMMARY_FIELDS,
  'type',
  'prefix',
  'address',
  'email',
  'phoneNumber',
  'hs2Applicable',
  'contractors',
] as const;

/** Street Manager's organisation type codes in v1 words, both ways. */
const TYPE_FROM_STREET_MANAGER: Record<string, (typeof ORGANISATION_TYPES)[number]> = {
  PROMOTER: 'promoter',
  HA: 'highway_authority',
  CONTRACTOR: 'contractor',
};
export const TYPE_TO_STREET_MANAGER: Record<string, 'PROMOTER' | 'HA' | 'CONTRACTOR'> = {
  promoter: 'PROMOTER',
  highway_authority: 'HA',
  contractor: 'CONTRACTOR',
};

export function organisationSummary(
  o: SmOrganisationSummary,
  caller: Caller | undefined,
): OrganisationSummaryDto {
  return {
    swaCode: o.organisation_reference,
    name: o.name,
    status: openEnumOrNull(o.organisation_status, ORGANISATION_STATUSES),
    links: links(caller).self(organisationPath(o.organisation_reference)).build(),
  };
}

export function organisationFromStreetManager(
  o: SmOrganisation,
  caller: Caller | undefined,
): OrganisationDto {
  const type = openEnum(TYPE_FROM_STREET_MANAGER[o.organisation_type], ORGANISATION_TYPES);
  const swaCode = o.organisation_reference;
  // A promoter's works are found by promoter, an authority's by highway authority; a contractor acts for a promoter.
  const worksFilter =
    type === 'promoter'
      ? { promoter: swaCode }
      : type === 'highway_authority'
        ? { highwayAuthority: swaCode }
        : undefined;
  return {
    swaCode,
    name: o.name,
    status: openEnumOrNull(o.organisation_status, ORGANISATION_STATUSES),
    type,
    prefix: o.prefix,
    address: {
      line1: o.address_line_one,
      line2: textOrNull(o.address_line_two),
      locality: textOrNull(o.locality),
      town: textOrNull(o.town),
      postcode: o.postcode,
    },
    email: textOrNull(o.email),
    phoneNumber: o.phone_number,
    hs2Applicable: o.is_hs2_applicable,
    contractors: (o.contractors ?? []).map((c) => organisationSummary(c, caller)),
    links: links(caller)
      .self(organisationPath(swaCode))
      .related('works', worksFilter ? withQuery(V1.works, worksFilter) : undefined)
      .build(),
  };
}
