import type { BootedApp } from '../helpers/boot-app';
import { DEMO_KEY, KEY_HEADER } from './keys';

export interface CollectionBody<T = Record<string, unknown>> {
  metadata: {
    resultset: { count: number; countIsLowerBound: boolean; offset: number; limit: number; page?: number };
  };
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
export async function expectDefaultsAndExactWindows(
  booted: BootedApp,
  path: string,
  idKey: string,
  key: string = DEMO_KEY,
): Promise<CollectionBody> {
  const api = client(booted, key);
  const first = (await api.get(path).expect(200)).body as CollectionBody;
  expect(first.results).toHaveLength(20);
  expect(first.metadata.resultset).toEqual({
    count: expect.any(Number),
    countIsLowerBound: expect.any(Boolean),
    offset: 0,
    limit: 20,
    page: 1,
  });
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

export interface Link {
  rel: string;
  href: string;
  type: string;
}

/** The rels of a representation's links, in order: `rels(res.body)` or `rels(res.body.links)`. */
export function rels(of: unknown): string[] {
  const links = Array.isArray(of) ? (of as Link[]) : (of as { links: Link[] }).links;
  return links.map((l) => l.rel);
}

/** `YYYY-MM-DD`, `days` from today (UTC). */
export function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A work the sandbox accepts from promoter 7374 in Leeds (4720): `POST /v1/works` answers 201. */
export function validWork(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    promoterSwaCode: '7374',
    highwayAuthoritySwaCode: '4720',
    usrn: 10104523,
    geometry: {
      type: 'LineString',
      coordinates: [
        [-1.5486, 53.7975],
        [-1.5479, 53.7978],
      ],
    },
    proposedStartDate: day(10),
    proposedEndDate: day(14),
    description: 'Replace 20 m of gas main',
    locationDescription: 'Outside number 12',
    workType: 'planned',
    ttroRequired: false,
    activityType: 'utility_repair_and_maintenance_works',
    trafficManagementType: 'two_way_signals',
    applicationType: 'permit',
    locationTypes: ['carriageway'],
    closeFootway: 'no',
    excavation: true,
    secondaryContact: 'Site manager',
    secondaryContactNumber: '0113 496 0000',
    ...overrides,
  };
}
