import { streetManagerConfig } from '../../src/config/street-manager.config';
import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { UpstreamBadResponseError } from '../../src/upstreams/http/upstream-errors';
import { WorksRegisterClient } from '../../src/upstreams/inner-apis/works-register.client';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { StreetManagerTransport } from '../../src/upstreams/street-manager/street-manager.transport';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { caller, sandboxAdmin, TestClock, testStreetManagerConfig } from '../support';

describe('inner APIs (e2e against the sandbox works register)', () => {
  const clock = new TestClock();
  let sandbox: RunningSandbox;
  let admin: ReturnType<typeof sandboxAdmin>;
  let booted: BootedApp;
  let register: WorksRegisterClient;
  let wrn: string;

  beforeAll(async () => {
    sandbox = await createSandbox({ works: 60, innerTokenLifetimeSeconds: 3, clock });
    admin = sandboxAdmin(sandbox);
    booted = await bootApp({
      clock,
      overrides: [
        { provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) },
        { provide: streetManagerConfig.KEY, useValue: testStreetManagerConfig() },
      ],
    });
    register = booted.app.get(WorksRegisterClient);
    const page = await booted.app
      .get(StreetManagerTransport)
      .request<{ rows: { work_reference_number: string }[] }>({
        api: 'reporting',
        method: 'GET',
        path: '/permits',
        caller: caller(),
        operation: 'listPermits',
      });
    wrn = page.body.rows[0].work_reference_number;
  });
  afterAll(async () => {
    await admin.clearFaults();
    await booted.close();
    await sandbox.close();
  });

  it('is configured automatically from the sandbox and reads an entry with a client-credentials token', async () => {
    expect(register.configured).toBe(true);
    const entry = await register.getEntry(wrn);
    expect(entry).toEqual({
      workReferenceNumber: wrn,
      jobNumber: expect.any(String),
      costCentre: expect.any(String),
      contactTeam: expect.any(String),
      notes: expect.any(String),
      updatedAt: expect.any(String),
    });
  });

  it('answers undefined for a work the register does not know', async () => {
    await expect(register.getEntry('UNKNOWN-REF-1')).resolves.toBeUndefined();
  });

  it('reuses the token for every call until it nears expiry, then fetches one new token for concurrent callers', async () => {
    await register.getEntry(wrn);
    const before = await admin.stats();
    for (let i = 0; i < 10; i++) {
      await register.getEntry(wrn);
    }
    await Promise.all(Array.from({ length: 30 }, () => register.getEntry(wrn)));
    expect((await admin.stats()).innerTokensIssued - before.innerTokensIssued).toBe(0);

    // 3 s tokens are renewed in their last fifth
    clock.advance(2_600);
    await Promise.all(Array.from({ length: 30 }, () => register.getEntry(wrn)));
    expect((await admin.stats()).innerTokensIssued - before.innerTokensIssued).toBe(1);
  });

  it('fetches one new token and retries once when the register answers 401 to a cached token', async () => {
    await register.getEntry(wrn);
    const before = (await admin.stats()) as { innerTokensIssued: number };
    await admin.faults({ api: 'inner', unauthorizedNext: 1 });
    await expect(register.getEntry(wrn)).resolves.toMatchObject({ workReferenceNumber: wrn });
    const after = (await admin.stats()) as { innerTokensIssued: number };
    expect(after.innerTokensIssued - before.innerTokensIssued).toBe(1);
    await admin.clearFaults();
  });

  it('turns a malformed register answer into 502', async () => {
    await admin.faults({ api: 'inner', malformed: 'not-json' });
    await expect(register.getEntry(wrn)).rejects.toBeInstanceOf(UpstreamBadResponseError);
    await admin.clearFaults();
  });

  it('registers the inner API health path with /healthcheck', async () => {
    const res = await booted.http.get('/healthcheck');
    expect((res.body as { details: Record<string, unknown> }).details['inner-api-works-register']).toEqual({
      status: 'up',
    });
  });
});
