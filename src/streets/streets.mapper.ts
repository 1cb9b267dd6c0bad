import type { Caller } from '../auth/caller';
import { integerOrNull, textOrNull } from '../common/fields/upstream-values';
import { geometryToWgs84 } from '../common/geo/geometry';
import { links } from '../common/links/link';
import { withQuery } from '../common/links/paths';
import type { SmStreet } from '../upstreams/street-manager/lookup-api.client';
import type { StreetDto } from './dto/street.dto';
import { organisationPath, streetPath, V1 } from '../common/links/paths';

export const STREET_FIELDS = [
  'usrn',
  'name',
  'area',
  'town',
  'highwayAuthoritySwaCode',
  'highwayAuthorityName',
  'roadCategory',
  'trafficSensitive',
  'reinstatementTypes',
  'primaryNoticeAuthorities',
  'interestAuthorities',
  'specialDesignations',
  'geometry',
  'centrePoint',
] as const;

export function streetFromStreetManager(s: SmStreet, caller: Caller | undefined): StreetDto {
  const usrn = Math.trunc(s.usrn);
  return {
    usrn,
    name: s.street_descriptor,
    area: s.area,
    town: s.town,
    highwayAuthoritySwaCode: s.authority_swa_code,
    highwayAuthorityName: s.authority,
    roadCategory: integerOrNull(s.road_category),
    trafficSensitive: s.traffic_sensitive,
    reinstatementTypes: s.reinstatement_types.map((r) => ({
      code: r.reinstatement_type_code,
      description: r.reinstatement_type_code_string,
      locationDescription: textOrNull(r.reinstatement_type_location_text),
    })),
    primaryNoticeAuthorities: s.primary_notice_authorities.map((a) => ({
      swaCode: a.swa_code,
      name: a.name,
      locationDescription: a.location_description,
    })),
    interestAuthorities: s.interest_authorities.map((a) => ({
      name: a.name,
      locationDescription: a.location_description,
    })),
    specialDesignations: s.additional_special_designations_response.map((d) => ({
      code: d.street_special_desig_code,
      description: textOrNull(d.street_special_desig_code_string ?? d.special_desig_description),
      locationDescription: textOrNull(d.special_desig_location_text),
      wholeRoad: d.whole_road ?? null,
    })),
    geometry: geometryToWgs84(s.street_line),
    centrePoint: geometryToWgs84(s.street_centre_point),
    links: links(caller)
      .self(streetPath(usrn))
      .related('highway-authority', organisationPath(s.authority_swa_code))
      .related('works', withQuery(V1.works, { usrn }))
      .build(),
  };
}
