import { DEFAULT_SANDBOX_KEYS } from '../../../src/config/auth.config';
import { createSandbox } from '../../../src/sandbox/sandbox';
import { endpointsFromSandbox } from '../../../src/sandbox/sandbox-endpoints';
import { STREET_MANAGER_ENDPOINTS } from '../../../src/upstreams/street-manager/street-manager-endpoints';
import { bootApp, type BootedApp } from '../../helpers/boot-app';

export const KEY_HEADER = 'Ocp-Apim-Subscription-Key';
/** The demo subscription: every permission, bound to no organisation (the sandbox's first promoter, 7374). */
export const DEMO_KEY = DEFAULT_SANDBOX_KEYS.demo;
/** Bound to Leeds City Council (4720), highway authority writes. */
export const AUTHORITY_KEY = DEFAULT_SANDBOX_KEYS.authority;
/** Bound to Northern Gas Networks (7374), promoter writes. */
export const PROMOTER_KEY = DEFAULT_SANDBOX_KEYS.promoter;

export interface CollectionBody<T = Record<string, unknown>> {
  metadata: { resultset: { count: number; countIsLowerBound: boolean; offset: number; limit: number; page?: number } };
  results: T[];
  links: { rel: string; href: string; type: string }[];
}

export function client(booted: BootedApp, key: string = DEMO_KEY) {
  return {
    get: (url: string) => booted.http.get(url).set(KEY_HEADER, key),
    post: (url: string, body: object, idempotencyKey?: string) => {
      const req = booted.http.post(url).set(KEY_HEADER, key);
      return (idempotencyKey ? req.set('Idempotency-Key', idempotencyKey) : req).send(body);
    },
    put: (url: string, body: object) => booted.http.put(url).set(KEY_HEADER, key).send(body),
  };
}

/**
 * The list defaults (20 rows, metadata, paging links) and an exact window across Street Manager's 25-row pages:
 * `offset=20&limit=30` must be rows 20–49 of the same list read 100 at a time.
 */
export async function expectDefaultsAndExactWindows(booted: BootedApp, path: string, idKey: string, key: string = DEMO_KEY): Promise<CollectionBody> {
  const api = client(booted, key);
  const first = (await api.get(path).expect(200)).body as CollectionBody;
  expect(first.results).toHaveLength(20);
  expect(first.metadata.resultset).toEqual({ count: expect.any(Number), countIsLowerBound: expect.any(Boolean), offset: 0, limit: 20, page: 1 });
  expect(first.links.slice(0, 2)).toEqual([
    { rel: 'self', href: `${path}?offset=0&limit=20`, type: 'GET' },
    { rel: 'first-page', href: `${path}?offset=0&limit=20`, type: 'GET' },
  ]);
  expect(first.links).toContainEqual({ rel: 'next-page', href: `${path}?offset=20&limit=20`, type: 'GET' });

  const hundred = (await api.get(`${path}?limit=100`).expect(200)).body as CollectionBody;
  const window = (await api.get(`${path}?offset=20&limit=30`).expect(200)).body as CollectionBody;
  expect(hundred.results.length).toBeGreaterThanOrEqual(50);
  expect(window.results.map((r) => r[idKey])).toEqual(hundred.results.slice(20, 50).map((r) => r[idKey]));
  expect(window.metadata.resultset).toMatchObject({ offset: 20, limit: 30 });
  expect(window.metadata.resultset.page).toBeUndefined();
  expect(window.links).toContainEqual({ rel: 'prev-page', href: `${path}?offset=0&limit=30`, type: 'GET' });
  return hundred;
}

/**
 * The gateway over a sandbox seeded with `works` works (default 600), for lists that need more rows than the default
 * data set gives one organisation. Closing it closes the sandbox too.
 */
export async function bootWithSandbox(works: number): Promise<BootedApp> {
  const sandbox = await createSandbox({ works });
  const booted = await bootApp({ overrides: [{ provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) }] });
  return {
    ...booted,
    close: async () => {
      await booted.close();
      await sandbox.close();
    },
  };
}
