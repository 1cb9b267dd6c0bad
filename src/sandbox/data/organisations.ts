import type { SandboxUser } from '../sandbox.types';

export interface Bbox {
  minE: number;
  minN: number;
  maxE: number;
  maxN: number;
}

export interface OrganisationRecord {
  swaCode: string;
  name: string;
  type: SandboxUser['organisationType'];
  /** workstream prefix, also the start of the organisation's work reference numbers */
  prefix: string;
  town: string;
  postcode: string;
  /** highway authorities only: the area the authority is responsible for, in EPSG:27700 */
  area?: Bbox;
  /** contractors only: the promoter the contractor works for */
  actsFor?: string;
  /** share of seeded works, so one organisation can see more than 501 rows in a larger data set */
  weight: number;
  email: string;
  password: string;
}

/**
 * Illustrative organisations with realistic 4-character SWA codes and British National Grid areas around real
 * English cities. The codes are not a claim about which real organisation holds them.
 */
export const ORGANISATIONS: readonly OrganisationRecord[] = [
  ha(
    '4720',
    'Leeds City Council',
    'LCC',
    'Leeds',
    'LS1 1UR',
    { minE: 424000, minN: 428000, maxE: 436000, maxN: 440000 },
    0.3,
  ),
  ha(
    '4225',
    'Manchester City Council',
    'MCC',
    'Manchester',
    'M2 5DB',
    { minE: 380000, minN: 392000, maxE: 390000, maxN: 402000 },
    0.2,
  ),
  ha(
    '4605',
    'Birmingham City Council',
    'BCC',
    'Birmingham',
    'B1 1BB',
    { minE: 402000, minN: 282000, maxE: 412000, maxN: 292000 },
    0.2,
  ),
  ha(
    '0116',
    'Bristol City Council',
    'BRC',
    'Bristol',
    'BS1 5TR',
    { minE: 355000, minN: 168000, maxE: 365000, maxN: 178000 },
    0.15,
  ),
  ha(
    '4510',
    'Newcastle City Council',
    'NCC',
    'Newcastle upon Tyne',
    'NE1 8QH',
    { minE: 418000, minN: 562000, maxE: 428000, maxN: 570000 },
    0.15,
  ),
  promoter('7374', 'Northern Gas Networks', 'NGN', 'Leeds', 'LS15 8TU', 0.4),
  promoter('2010', 'Yorkshire Water Services', 'YWS', 'Bradford', 'BD6 2SZ', 0.25),
  promoter('7301', 'Openreach', 'BTO', 'London', 'EC1A 7AJ', 0.2),
  promoter('7006', 'Northern Powergrid', 'NPG', 'Newcastle upon Tyne', 'NE1 6AF', 0.15),
  {
    swaCode: '9501',
    name: 'Kier Utilities Contracting',
    type: 'contractor',
    prefix: 'KUC',
    town: 'Sandy',
    postcode: 'SG19 2BD',
    actsFor: '7374',
    weight: 0,
    email: 'sandbox.contractor.9501@example.org',
    password: 'Sandbox-9501-pass!',
  },
];

function ha(
  swaCode: string,
  name: string,
  prefix: string,
  town: string,
  postcode: string,
  area: Bbox,
  weight: number,
): OrganisationRecord {
  const email = `sandbox.ha.${swaCode}@example.org`;
  return {
    swaCode,
    name,
    type: 'highway_authority',
    prefix,
    town,
    postcode,
    area,
    weight,
    email,
    password: `Sandbox-${swaCode}-pass!`,
  };
}

function promoter(
  swaCode: string,
  name: string,
  prefix: string,
  town: string,
  postcode: string,
  weight: number,
): OrganisationRecord {
  const email = `sandbox.promoter.${swaCode}@example.org`;
  return {
    swaCode,
    name,
    type: 'promoter',
    prefix,
    town,
    postcode,
    weight,
    email,
    password: `Sandbox-${swaCode}-pass!`,
  };
}

export const HIGHWAY_AUTHORITIES = ORGANISATIONS.filter((o) => o.type === 'highway_authority');
export const PROMOTERS = ORGANISATIONS.filter((o) => o.type === 'promoter');

export function organisationBySwa(swaCode: string): OrganisationRecord | undefined {
  return ORGANISATIONS.find((o) => o.swaCode === swaCode);
}
