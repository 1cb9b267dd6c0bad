import type { Caller } from '../auth/caller';
import { credential, type StreetManagerCredential } from '../config/street-manager.config';
import type { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import type { StreetManagerEndpoints } from '../upstreams/street-manager/street-manager-endpoints';
import { OrganisationKinds, WrongSideError } from './organisation-kinds';

const caller = (organisation?: string): Caller => ({
  clientId: 'c',
  kind: 'subscription-key',
  name: 'c',
  product: 'default',
  permissions: [],
  organisation,
  userIdentifier: 'c',
  userName: 'c',
});

/** Credentials per organisation (the default one has none) and the Party API's answers, counting the look-ups. */
function kinds(types: Record<string, string>, defaultCredentialId = 'default') {
  const lookups: string[] = [];
  const credentials: StreetManagerCredential[] = [
    credential('default@example.org', 'secret'),
    ...Object.keys(types).map((swa) => credential(`${swa}@example.org`, 'secret', swa)),
  ];
  const endpoints = { credentials, defaultCredentialId } as StreetManagerEndpoints;
  const party = {
    getOrganisation: (_caller: Caller, swaCode: string) => {
      lookups.push(swaCode);
      return Promise.resolve({ organisation_type: types[swaCode] });
    },
  } as unknown as PartyApiClient;
  return { service: new OrganisationKinds(endpoints, party), lookups };
}

describe('OrganisationKinds', () => {
  it('lets each side read its own lists, contractors the promoter side, and looks each organisation up once', async () => {
    const { service, lookups } = kinds({ '4720': 'HA', '7374': 'PROMOTER', '9501': 'CONTRACTOR' });
    await service.require(caller('4720'), 'highway_authority', 'Potential overruns');
    await service.require(caller('4720'), 'highway_authority', 'Permits about to deem');
    await service.require(caller('7374'), 'promoter', 'Refused permits');
    await service.require(caller('9501'), 'promoter', 'Work stops due');
    expect(lookups).toEqual(['4720', '7374', '9501']);
  });

  it('refuses the other side with a 403 that says what the list is for and what the caller acts as', async () => {
    const { service } = kinds({ '4720': 'HA', '9501': 'CONTRACTOR' });
    await expect(service.require(caller('9501'), 'highway_authority', 'Potential overruns')).rejects.toEqual(
      new WrongSideError('Potential overruns', 'highway_authority', '9501', 'CONTRACTOR'),
    );
    const refusal = (await service.require(caller('4720'), 'promoter', 'Refused permits').then(
      () => undefined,
      (e: unknown) => e,
    )) as WrongSideError;
    expect({ status: refusal.status, code: refusal.code, message: refusal.message }).toEqual({
      status: 403,
      code: 'FORBIDDEN',
      message:
        "Refused permits is a promoter's (or its contractor's) worklist; your requests act in Street Manager for organisation 4720, a highway authority",
    });
  });

  it('takes an unbound caller for the default credential’s organisation, and pads SWA codes', async () => {
    const { service, lookups } = kinds({ '7374': 'PROMOTER', '0116': 'HA' }, '7374');
    await service.require(caller(undefined), 'promoter', 'Refused permits');
    await expect(
      service.require(caller(undefined), 'highway_authority', 'Potential overruns'),
    ).rejects.toThrow('organisation 7374, a promoter');
    await service.require(caller('116'), 'highway_authority', 'Potential overruns');
    expect(lookups).toEqual(['7374', '0116']);
  });

  it('leaves the decision to Street Manager when the organisation is not known, or of a type V6 did not have', async () => {
    const { service, lookups } = kinds({ '0001': 'upcoming_enum' });
    await service.require(caller(undefined), 'highway_authority', 'Potential overruns');
    expect(lookups).toEqual([]);
    await service.require(caller('0001'), 'promoter', 'Refused permits');
    await service.require(caller('0001'), 'highway_authority', 'Potential overruns');
    expect(lookups).toEqual(['0001']);
  });

  it('keeps no failed look-up', async () => {
    let calls = 0;
    const endpoints = {
      credentials: [credential('u', 'p', '4720')],
      defaultCredentialId: '4720',
    } as StreetManagerEndpoints;
    const party = {
      getOrganisation: () =>
        ++calls === 1 ? Promise.reject(new Error('down')) : Promise.resolve({ organisation_type: 'HA' }),
    } as unknown as PartyApiClient;
    const service = new OrganisationKinds(endpoints, party);
    await expect(service.require(caller('4720'), 'highway_authority', 'x')).rejects.toThrow('down');
    await service.require(caller(undefined), 'highway_authority', 'x');
    await service.require(caller('4720'), 'highway_authority', 'x');
    expect(calls).toBe(2);
  });
});
