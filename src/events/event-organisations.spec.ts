import { credential } from '../config/street-manager.config';
import type { StreetManagerEndpoints } from '../upstreams/street-manager/street-manager-endpoints';
import { EventOrganisations } from './event-organisations';

const endpoints = (defaultCredentialId: string, ids: (string | undefined)[]) =>
  ({
    credentials: ids.map((o) => credential('a@b.c', 'p', o)),
    defaultCredentialId,
  }) as unknown as StreetManagerEndpoints;

describe('EventOrganisations', () => {
  it('reads the log of the credential a caller acts with', () => {
    const organisations = new EventOrganisations(endpoints('7374', ['7374', '0116', '4720']));
    expect([{}, { organisation: '4720' }, { organisation: '116' }].map((c) => organisations.of(c))).toEqual([
      '7374',
      '4720',
      '0116',
    ]);
    expect(() => organisations.of({ organisation: '9999' })).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('uses the unbound default credential’s log for callers without an organisation', () => {
    expect(new EventOrganisations(endpoints('default', [undefined])).of({})).toBe('default');
  });
});
