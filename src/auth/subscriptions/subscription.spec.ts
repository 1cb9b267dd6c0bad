import { hashKey } from './key-hash';
import { parseSubscriptions, SubscriptionsFileError } from './subscription';

const valid = {
  id: 'acme',
  name: 'Acme',
  product: 'default',
  roles: ['streetworks.read'],
  primaryKeyHash: hashKey('k1'),
};

function problems(document: unknown): string[] {
  try {
    parseSubscriptions(document);
  } catch (e) {
    return (e as SubscriptionsFileError).problems;
  }
  return [];
}

describe('parseSubscriptions', () => {
  it('reads a valid entry, enabled unless it says otherwise', () => {
    expect(parseSubscriptions({ subscriptions: [valid] })).toEqual([
      { ...valid, enabled: true, organisation: undefined, secondaryKeyHash: undefined },
    ]);
    expect(
      parseSubscriptions({ subscriptions: [{ ...valid, enabled: false, organisation: '7374' }] })[0],
    ).toMatchObject({ enabled: false, organisation: '7374' });
  });

  it('refuses a key in clear, unknown roles, bad SWA codes and missing hashes, naming each', () => {
    expect(
      problems({
        subscriptions: [
          { ...valid, primaryKeyHash: 'my-secret-key' },
          { ...valid, id: 'b', roles: ['admin'] },
          { ...valid, id: 'c', organisation: 'not a code!' },
          { ...valid, id: 'd', primaryKeyHash: undefined },
        ],
      }),
    ).toEqual([
      'subscriptions[0].primaryKeyHash: a lowercase SHA-256 or SHA-512 hex digest (never a key in clear)',
      'subscriptions[1].roles: a list of streetworks.read, streetworks.promoter.write, streetworks.authority.write',
      'subscriptions[2].organisation: a Street Manager SWA code',
      'subscriptions[3]: needs primaryKeyHash or secondaryKeyHash',
    ]);
  });

  it('refuses duplicate ids and a hash shared by two subscriptions', () => {
    expect(problems({ subscriptions: [valid, { ...valid }] })).toEqual([
      'subscription acme: the id is used twice',
      'subscription acme: a key hash is used twice',
    ]);
  });

  it('needs a subscriptions list', () => {
    expect(problems({})).toEqual(['the file must hold `subscriptions:`, a list']);
    expect(problems(null)).toEqual(['the file must hold `subscriptions:`, a list']);
  });
});
