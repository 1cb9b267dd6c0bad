import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey } from './subscriptions/key-hash';
import { readSubscriptionsFile } from './subscriptions/subscription';
import { CliError, run } from './subscriptions-cli';

describe('subscriptions CLI', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'subscriptions-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function cli(...argv: string[]): string[] {
    const lines: string[] = [];
    run(argv, (line) => lines.push(line));
    return lines;
  }

  it.each(['subscriptions.yaml', 'subscriptions.json'])(
    'creates a subscription in %s, prints its keys once and stores only hashes',
    (name) => {
      const file = join(dir, name);
      const out = cli(
        'create',
        '--file',
        file,
        '--id',
        'acme',
        '--name',
        'Acme Utilities',
        '--roles',
        'streetworks.read,streetworks.promoter.write',
        '--organisation',
        '7374',
      );
      const primary = /^primary key: +(\S+)$/.exec(out[1])?.[1];
      const secondary = /^secondary key: +(\S+)$/.exec(out[2])?.[1];
      expect(primary).toBeDefined();
      expect(secondary).toBeDefined();
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain(primary);
      expect(text).not.toContain(secondary);
      expect(readSubscriptionsFile(file)).toEqual([
        {
          id: 'acme',
          name: 'Acme Utilities',
          product: 'default',
          roles: ['streetworks.read', 'streetworks.promoter.write'],
          organisation: '7374',
          enabled: true,
          primaryKeyHash: hashKey(primary!),
          secondaryKeyHash: hashKey(secondary!),
        },
      ]);
    },
  );

  it('rotates one slot and leaves the other alone', () => {
    const file = join(dir, 'subscriptions.yaml');
    cli('create', '--file', file, '--id', 'acme', '--name', 'Acme', '--roles', 'streetworks.read');
    const before = readSubscriptionsFile(file)[0];
    const out = cli('rotate', '--file', file, '--id', 'acme', '--slot', 'secondary');
    const key = /^secondary key: (\S+)$/.exec(out[1])?.[1];
    const after = readSubscriptionsFile(file)[0];
    expect(after.primaryKeyHash).toBe(before.primaryKeyHash);
    expect(after.secondaryKeyHash).toBe(hashKey(key!));
  });

  it('disables, lists and refuses nonsense', () => {
    const file = join(dir, 'subscriptions.yaml');
    cli('create', '--file', file, '--id', 'acme', '--name', 'Acme', '--roles', 'streetworks.read');
    cli('disable', '--file', file, '--id', 'acme');
    expect(cli('list', '--file', file)).toEqual(['acme\tdisabled\tdefault\t-\tstreetworks.read\tAcme']);
    expect(() =>
      cli('create', '--file', file, '--id', 'acme', '--name', 'Again', '--roles', 'streetworks.read'),
    ).toThrow(CliError);
    expect(() => cli('create', '--file', file, '--id', 'x', '--name', 'X', '--roles', 'root')).toThrow(
      'unknown roles root',
    );
    expect(() => cli('rotate', '--file', file, '--id', 'nobody')).toThrow('no subscription nobody');
    expect(() => cli('explode', '--file', file)).toThrow('commands: create, rotate, enable, disable, list');
  });
});
