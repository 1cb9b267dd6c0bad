import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('runs 200 identical concurrent calls once and gives every caller the result', async () => {
    const flight = new SingleFlight<string>();
    let calls = 0;
    let release!: (v: string) => void;
    const work = () => {
      calls++;
      return new Promise<string>((resolve) => (release = resolve));
    };
    const all = Promise.all(Array.from({ length: 200 }, () => flight.run('cred GET /works/A', work)));
    release('answer');
    expect(await all).toEqual(Array(200).fill('answer'));
    expect(calls).toBe(1);
    expect(flight.coalesced).toBe(199);
  });

  it('shares an error with every joined caller and keeps nothing afterwards', async () => {
    const flight = new SingleFlight<string>();
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('upstream down'));
    };
    const results = await Promise.allSettled([flight.run('k', failing), flight.run('k', failing)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    expect(flight.size).toBe(0);
    await expect(flight.run('k', () => Promise.resolve('fresh'))).resolves.toBe('fresh');
    expect(calls).toBe(1);
  });

  it('keeps different keys apart (another credential never shares a call)', async () => {
    const flight = new SingleFlight<string>();
    const [a, b] = await Promise.all([
      flight.run('org-1 GET /x', () => Promise.resolve('one')),
      flight.run('org-2 GET /x', () => Promise.resolve('two')),
    ]);
    expect([a, b]).toEqual(['one', 'two']);
  });

  it('turns a synchronous throw into a shared rejection', async () => {
    const flight = new SingleFlight<string>();
    await expect(
      flight.run('k', () => {
        throw new Error('bad');
      }),
    ).rejects.toThrow('bad');
    expect(flight.size).toBe(0);
  });
});
