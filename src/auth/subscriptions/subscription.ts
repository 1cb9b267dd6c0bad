import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { load } from 'js-yaml';
import { ALL_PERMISSIONS, type Permission } from '../permissions';
import { KEY_HASH } from './key-hash';

/** One external client, as held in SUBSCRIPTIONS_FILE. The file never holds a key, only its hash. */
export interface Subscription {
  id: string;
  name: string;
  product: string;
  roles: Permission[];
  /** Street Manager SWA code the client acts for; absent = the gateway's default credential */
  organisation?: string;
  enabled: boolean;
  primaryKeyHash?: string;
  secondaryKeyHash?: string;
}

export class SubscriptionsFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`subscriptions file is not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'SubscriptionsFileError';
  }
}

const ID = /^[A-Za-z0-9._-]{1,64}$/;
const SWA_CODE = /^[A-Za-z0-9]{1,10}$/;

function check(entry: unknown, index: number, problems: string[]): Subscription | undefined {
  const where = `subscriptions[${index}]`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    problems.push(`${where}: must be an object`);
    return undefined;
  }
  const e = entry as Record<string, unknown>;
  const before = problems.length;
  if (typeof e.id !== 'string' || !ID.test(e.id)) {
    problems.push(`${where}.id: 1-64 letters, digits, dot, dash or underscore`);
  }
  if (typeof e.name !== 'string' || e.name.length === 0 || e.name.length > 200) {
    problems.push(`${where}.name: a non-empty string`);
  }
  if (typeof e.product !== 'string' || !ID.test(e.product)) {
    problems.push(`${where}.product: a product name`);
  }
  if (!Array.isArray(e.roles) || e.roles.some((r) => !ALL_PERMISSIONS.includes(r as Permission))) {
    problems.push(`${where}.roles: a list of ${ALL_PERMISSIONS.join(', ')}`);
  }
  if (
    e.organisation !== undefined &&
    e.organisation !== null &&
    (typeof e.organisation !== 'string' || !SWA_CODE.test(e.organisation))
  ) {
    problems.push(`${where}.organisation: a Street Manager SWA code`);
  }
  if (e.enabled !== undefined && typeof e.enabled !== 'boolean') {
    problems.push(`${where}.enabled: true or false`);
  }
  for (const field of ['primaryKeyHash', 'secondaryKeyHash'] as const) {
    const value = e[field];
    if (value !== undefined && value !== null && (typeof value !== 'string' || !KEY_HASH.test(value))) {
      problems.push(`${where}.${field}: a lowercase SHA-256 or SHA-512 hex digest (never a key in clear)`);
    }
  }
  if (!e.primaryKeyHash && !e.secondaryKeyHash) {
    problems.push(`${where}: needs primaryKeyHash or secondaryKeyHash`);
  }
  if (problems.length > before) {
    return undefined;
  }
  return {
    id: e.id as string,
    name: e.name as string,
    product: e.product as string,
    roles: [...new Set(e.roles as Permission[])],
    organisation: (e.organisation as string | null | undefined) ?? undefined,
    enabled: e.enabled !== false,
    primaryKeyHash: (e.primaryKeyHash as string | null | undefined) ?? undefined,
    secondaryKeyHash: (e.secondaryKeyHash as string | null | undefined) ?? undefined,
  };
}

export function parseSubscriptions(document: unknown): Subscription[] {
  const list = (document as { subscriptions?: unknown } | null)?.subscriptions;
  if (!Array.isArray(list)) {
    throw new SubscriptionsFileError(['the file must hold `subscriptions:`, a list']);
  }
  const problems: string[] = [];
  const subscriptions = list
    .map((entry, i) => check(entry, i, problems))
    .filter((s): s is Subscription => s !== undefined);
  const ids = new Set<string>();
  const hashes = new Set<string>();
  for (const s of subscriptions) {
    if (ids.has(s.id)) {
      problems.push(`subscription ${s.id}: the id is used twice`);
    }
    ids.add(s.id);
    for (const hash of [s.primaryKeyHash, s.secondaryKeyHash]) {
      if (hash && hashes.has(hash)) {
        problems.push(`subscription ${s.id}: a key hash is used twice`);
      }
      if (hash) {
        hashes.add(hash);
      }
    }
  }
  if (problems.length > 0) {
    throw new SubscriptionsFileError(problems);
  }
  return subscriptions;
}

export function isJsonFile(path: string): boolean {
  return extname(path).toLowerCase() === '.json';
}

export function readSubscriptionsFile(path: string): Subscription[] {
  const text = readFileSync(path, 'utf8');
  let document: unknown;
  try {
    document = isJsonFile(path) ? JSON.parse(text) : load(text);
  } catch {
    throw new SubscriptionsFileError([`${path} is not valid ${isJsonFile(path) ? 'JSON' : 'YAML'}`]);
  }
  return parseSubscriptions(document);
}
