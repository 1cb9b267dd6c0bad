import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dump, load } from 'js-yaml';
import { subscriptionsFileFromEnv } from '../config/auth.config';
import { ALL_PERMISSIONS, type Permission } from './permissions';
import { generateKey, hashKey } from './subscriptions/key-hash';
import { isJsonFile, parseSubscriptions, type Subscription } from './subscriptions/subscription';

/*
 * npm run subscriptions -- create --id acme --name "Acme Utilities" --product default --roles streetworks.read [--organisation 7374]
 * npm run subscriptions -- rotate --id acme --slot primary|secondary
 * npm run subscriptions -- disable|enable --id acme
 * npm run subscriptions -- list
 * Options: --file <path> (default SUBSCRIPTIONS_FILE). New keys are printed once; the file keeps only their hashes.
 */

export class CliError extends Error {}

function read(file: string): Subscription[] {
  if (!existsSync(file)) {
    return [];
  }
  const text = readFileSync(file, 'utf8');
  return parseSubscriptions(isJsonFile(file) ? JSON.parse(text) : load(text));
}

/** Write then rename, so a gateway polling the file never reads half of it. */
function write(file: string, subscriptions: Subscription[]): void {
  parseSubscriptions({ subscriptions });
  const document = {
    subscriptions: subscriptions.map((s) =>
      Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)),
    ),
  };
  const text = isJsonFile(file)
    ? `${JSON.stringify(document, null, 2)}\n`
    : dump(document, { lineWidth: 200 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { mode: 0o600 });
  renameSync(temporary, file);
}

function find(subscriptions: Subscription[], id: string): Subscription {
  const found = subscriptions.find((s) => s.id === id);
  if (!found) {
    throw new CliError(`no subscription ${id}`);
  }
  return found;
}

export interface NewSubscription {
  id: string;
  name: string;
  product: string;
  roles: Permission[];
  organisation?: string;
}

export function createSubscription(
  file: string,
  input: NewSubscription,
): { primaryKey: string; secondaryKey: string } {
  const subscriptions = read(file);
  if (subscriptions.some((s) => s.id === input.id)) {
    throw new CliError(`subscription ${input.id} exists already; use rotate`);
  }
  const primaryKey = generateKey();
  const secondaryKey = generateKey();
  subscriptions.push({
    ...input,
    enabled: true,
    primaryKeyHash: hashKey(primaryKey),
    secondaryKeyHash: hashKey(secondaryKey),
  });
  write(file, subscriptions);
  return { primaryKey, secondaryKey };
}

/** Replaces one key; the other keeps working, so clients move to the new key without downtime. */
export function rotateKey(file: string, id: string, slot: 'primary' | 'secondary'): string {
  const subscriptions = read(file);
  const subscription = find(subscriptions, id);
  const key = generateKey();
  subscription[slot === 'primary' ? 'primaryKeyHash' : 'secondaryKeyHash'] = hashKey(key);
  write(file, subscriptions);
  return key;
}

export function setEnabled(file: string, id: string, enabled: boolean): void {
  const subscriptions = read(file);
  find(subscriptions, id).enabled = enabled;
  write(file, subscriptions);
}

function options(args: string[]): Record<string, string> {
  const parsed: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith('--') || args[i + 1] === undefined) {
      throw new CliError(`unexpected argument ${arg}`);
    }
    parsed[arg.slice(2)] = args[++i]!;
  }
  return parsed;
}

function required(opts: Record<string, string>, name: string): string {
  const value = opts[name];
  if (!value) {
    throw new CliError(`--${name} is required`);
  }
  return value;
}

export function run(argv: string[], print: (line: string) => void): void {
  const [command, ...rest] = argv;
  const opts = options(rest);
  const file = opts.file ?? subscriptionsFileFromEnv();
  if (!file) {
    throw new CliError('name the file with --file or SUBSCRIPTIONS_FILE');
  }
  switch (command) {
    case 'create': {
      const roles = required(opts, 'roles')
        .split(',')
        .map((r) => r.trim()) as Permission[];
      const unknown = roles.filter((r) => !ALL_PERMISSIONS.includes(r));
      if (unknown.length > 0) {
        throw new CliError(`unknown roles ${unknown.join(', ')}; choose from ${ALL_PERMISSIONS.join(', ')}`);
      }
      const id = required(opts, 'id');
      const keys = createSubscription(file, {
        id,
        name: required(opts, 'name'),
        product: opts.product ?? 'default',
        roles,
        organisation: opts.organisation,
      });
      print(
        `subscription ${id} created in ${file}. These keys are shown once; the file keeps only their hashes.`,
      );
      print(`primary key:   ${keys.primaryKey}`);
      print(`secondary key: ${keys.secondaryKey}`);
      return;
    }
    case 'rotate': {
      const slot = opts.slot ?? 'primary';
      if (slot !== 'primary' && slot !== 'secondary') {
        throw new CliError('--slot is primary or secondary');
      }
      const id = required(opts, 'id');
      const key = rotateKey(file, id, slot);
      print(
        `${slot} key of ${id} rotated. The new key is shown once; the old ${slot} key stops working when the gateway reloads the file.`,
      );
      print(`${slot} key: ${key}`);
      return;
    }
    case 'enable':
    case 'disable': {
      const id = required(opts, 'id');
      setEnabled(file, id, command === 'enable');
      print(`subscription ${id} ${command}d`);
      return;
    }
    case 'list': {
      for (const s of read(file)) {
        print(
          `${s.id}\t${s.enabled ? 'enabled ' : 'disabled'}\t${s.product}\t${s.organisation ?? '-'}\t${s.roles.join(',')}\t${s.name}`,
        );
      }
      return;
    }
    default:
      throw new CliError('commands: create, rotate, enable, disable, list');
  }
}

if (require.main === module) {
  try {
    run(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
}
