import { ORGANISATIONS, organisationBySwa, type OrganisationRecord } from '../data/organisations';
import { SmError, type SandboxContext } from '../sandbox-context';
import { list, single } from './route-helpers';

const TYPE_CODES: Record<OrganisationRecord['type'], string> = {
  promoter: 'PROMOTER',
  highway_authority: 'HA',
  contractor: 'CONTRACTOR',
};
const TYPE_NAMES: Record<string, string> = {
  PROMOTER: 'Promoter',
  HA: 'Highway authority',
  CONTRACTOR: 'Contractor',
};

/** Party API (`/v6/party`): token refresh, logout and organisations. */
export function registerPartyRoutes(ctx: SandboxContext): void {
  const { auth, stats } = ctx;

  ctx.route('POST', 'party', '/refresh', 'auth', (req) => {
    const tokens = auth.refresh((req.body as { refresh_token: string }).refresh_token);
    if (!tokens) {
      throw new SmError(401, 'Authentication failed');
    }
    stats.refreshes += 1;
    // snake_case and no new refresh token, unlike /authenticate
    return { status: 200, body: { id_token: tokens.idToken, access_token: tokens.accessToken } };
  });

  ctx.route('POST', 'party', '/logout', 'auth', (req) => {
    if (!auth.logout((req.body as { access_token: string }).access_token)) {
      throw new SmError(401, 'Authentication failed');
    }
    stats.logouts += 1;
    return { status: 204 };
  });

  ctx.route('GET', 'party', '/organisations', 'data', (req) => {
    const types = list(req.query.type);
    const text = single(req.query.query)?.toLowerCase();
    const rows = ORGANISATIONS.filter(
      (o) =>
        (!types || types.includes(TYPE_CODES[o.type])) &&
        (!text || o.name.toLowerCase().includes(text) || o.swaCode.includes(text)),
    ).map(summary);
    return { status: 200, body: rows };
  });

  ctx.route('GET', 'party', '/organisations/{organisationReference}', 'data', (req) => {
    const org = organisationBySwa(req.params.organisationReference);
    if (!org) {
      throw new SmError(404, 'Organisation not found');
    }
    const code = TYPE_CODES[org.type];
    return {
      status: 200,
      body: {
        name: org.name,
        organisation_reference: org.swaCode,
        organisation_status: 'active',
        organisation_status_string: 'Active',
        address_line_one: `${org.name} House`,
        address_line_two: null,
        email: org.email,
        locality: null,
        phone_number: '0300 123 4567',
        postcode: org.postcode,
        town: org.town,
        prefix: org.prefix,
        organisation_type: code,
        organisation_type_string: TYPE_NAMES[code],
        contractors: ORGANISATIONS.filter((o) => o.actsFor === org.swaCode).map(summary),
        is_hs2_applicable: false,
      },
    };
  });
}

function summary(o: OrganisationRecord): Record<string, unknown> {
  return {
    name: o.name,
    organisation_reference: o.swaCode,
    organisation_status: 'active',
    organisation_status_string: 'Active',
  };
}
