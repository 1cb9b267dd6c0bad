import { join } from 'node:path';
import { hashKey } from './key-hash';
import { readSubscriptionsFile } from './subscription';

describe('config/subscriptions.example.yaml', () => {
  it('is a valid subscriptions file whose documented keys match their hashes', () => {
    const subscriptions = readSubscriptionsFile(
      join(__dirname, '../../../config/subscriptions.example.yaml'),
    );
    expect(subscriptions.map((s) => [s.id, s.organisation])).toEqual([
      ['acme-utilities', undefined],
      ['northern-gas-networks', '7374'],
      ['leeds-city-council', '4720'],
    ]);
    expect(subscriptions[0]?.primaryKeyHash).toBe(hashKey('example-acme-primary-key'));
    expect(subscriptions[0]?.secondaryKeyHash).toBe(hashKey('example-acme-secondary-key'));
    expect(subscriptions[1]?.primaryKeyHash).toBe(hashKey('example-ngn-primary-key'));
    expect(subscriptions[2]?.primaryKeyHash).toBe(hashKey('example-leeds-primary-key'));
  });
});
