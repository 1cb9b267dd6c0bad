import type { Caller } from '../../src/auth/caller';
import { ErrorCode, NotFoundError } from '../../src/common/errors/api-error';
import { streetManagerConfig } from '../../src/config/street-manager.config';
import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { UpstreamBadResponseError, UpstreamForbiddenError } from '../../src/upstreams/http/upstream-errors';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import { SESSION_STORE, type SessionStore } from '../../src/upstreams/street-manager/session.store';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { StreetManagerTransport } from '../../src/upstreams/street-manager/street-manager.transport';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { call, caller, login, sandboxAdmin, TestClock, testStreetManagerConfig, userOf } from '../support';

describe('Street Manager session and transport (e2e against the sandbox)', () => {
  // One clock for the gateway and the sandbox: a token expires for both when the test moves it.
  const clock = new TestClock();
  let sandbox: RunningSandbox;
  let admin: ReturnType<typeof sandboxAdmin>;
  const stats = () => admin.stats();
  const faults = (rule: object) => admin.faults(rule);
  const clearFaults = () => admin.clearFaults();

  beforeAll(async () => {
    sandbox = await createSandbox({ tokenLifetimeSeconds: 4, works: 60, clock });
    admin = sandboxAdmin(sandbox);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  describe('with the seeded credentials', () => {
    let booted: BootedApp;
    let transport: StreetManagerTransport;
    let wrn: string;

    /** A gateway over this file's sandbox and clock. */
    const boot = () =>
      bootApp({
        clock,
        overrides: [
          { provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) },
          { provide: streetManagerConfig.KEY, useValue: testStreetManagerConfig() },
        ],
      });
    const getWork = (reference = wrn, who: Caller = caller()) =>
      transport.request<{ work_reference_number: string }>({
        api: 'work',
        method: 'GET',
        pathTemplate: '/works/{workReferenceNumber}',
        params: { workReferenceNumber: reference },
        caller: who,
        operation: 'getWork',
      });
    /** No session for the default credential (the sandbox's first promoter), as after a restart. */
    const forgetSession = () =>
      booted.app
        .get<SessionStore>(SESSION_STORE)
        .set(endpointsFromSandbox(sandbox).defaultCredentialId, undefined);

    beforeAll(async () => {
      // A work to read, found without the gateway, so no test depends on another having found one.
      const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
      wrn = (
        (await call('GET', `${sandbox.baseUrls.reporting}/permits`, { token: idToken })).body as {
          rows: { work_reference_number: string }[];
        }
      ).rows[0].work_reference_number;
      booted = await boot();
      transport = booted.app.get(StreetManagerTransport);
    });
    afterEach(async () => {
      await clearFaults();
    });
    afterAll(() => booted.close());

    it('signs in once and reuses the session for many calls, sequential and concurrent', async () => {
      await forgetSession(); // a first sign-in, whichever test ran before
      const before = await stats();
      const page = await transport.request<{ rows: { work_reference_number: string }[] }>({
        api: 'reporting',
        method: 'GET',
        path: '/permits',
        caller: caller(),
        operation: 'listPermits',
      });
      expect(page.status).toBe(200);
      for (let i = 0; i < 5; i++) {
        expect((await getWork()).body.work_reference_number).toBe(wrn);
      }
      await Promise.all(Array.from({ length: 20 }, () => getWork()));
      const after = await stats();
      expect(after.authentications - before.authentications).toBe(1);
      expect(after.refreshes - before.refreshes).toBe(0);
    });

    it('refreshes exactly once when 100 concurrent calls meet an expiring token', async () => {
      await getWork();
      // The 4 s token is renewed in its last fifth; 3.5 s later every caller finds it due.
      clock.advance(3_500);
      const before = await stats();
      const results = await Promise.all(Array.from({ length: 100 }, () => getWork()));
      expect(results.every((r) => r.status === 200)).toBe(true);
      const after = await stats();
      expect(after.refreshes - before.refreshes).toBe(1);
      expect(after.authentications - before.authentications).toBe(0);
    });

    it('signs in again once when Street Manager answers 401 mid-session, and the call succeeds', async () => {
      clock.advance(10_100); // past the re-authentication guard of any earlier sign-in
      await getWork();
      await faults({ api: 'work', unauthorizedNext: 1 });
      const before = await stats();
      expect((await getWork()).status).toBe(200);
      const after = await stats();
      expect(after.authentications - before.authentications).toBe(1);
      expect(after.requests.work - before.requests.work).toBe(3); // 401, authenticate, retry
    });

    it('turns a second 401 with a fresh token into 403 FORBIDDEN, without looping', async () => {
      clock.advance(10_100); // past the re-authentication guard of any earlier sign-in
      await getWork();
      await faults({ api: 'work', forbidNext: 5 });
      const before = await stats();
      const error = await getWork().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamForbiddenError);
      expect(error).toMatchObject({ status: 403, code: ErrorCode.FORBIDDEN });
      const after = await stats();
      expect(after.authentications - before.authentications).toBe(1);
      expect(after.requests.work - before.requests.work).toBe(3); // 401, authenticate, 401
      // Right after a re-authentication, another 401 is a refusal at once: no sign-in per refused call.
      await expect(getWork()).rejects.toBeInstanceOf(UpstreamForbiddenError);
      expect((await stats()).authentications - after.authentications).toBe(0);
    });

    it.each(['not-json', 'truncated', 'wrong-type', 'missing-field'])(
      'answers 502 UPSTREAM_ERROR for a %s body',
      async (kind) => {
        await faults({ api: 'work', malformed: kind });
        const error = await getWork().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamBadResponseError);
        expect(error).toMatchObject({
          status: 502,
          code: ErrorCode.UPSTREAM_ERROR,
          message: 'Street Manager gave an answer the gateway could not use',
        });
      },
    );

    it('names the reference in our own words when Street Manager answers 404', async () => {
      const error = await getWork('NOPE-0000').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({
        status: 404,
        code: ErrorCode.NOT_FOUND,
        message: 'work NOPE-0000 was not found',
      });
    });

    it('refuses with 403 a caller bound to an organisation the gateway holds no credential for', async () => {
      const error = await getWork(wrn, caller('9999')).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 403, code: ErrorCode.FORBIDDEN });
      expect((error as Error).message).toContain('9999');
    });

    it('uses the credential of the caller’s organisation', async () => {
      const other = sandbox.users.find((u) => u.organisationType === 'highway_authority')!;
      const before = await stats();
      await transport.request({
        api: 'party',
        method: 'GET',
        path: '/organisations',
        caller: caller(other.organisationSwaCode),
        operation: 'listOrganisations',
      });
      expect((await stats()).authentications - before.authentications).toBe(1);
    });

    it('waits out a 429 with Retry-After and retries the GET', async () => {
      await getWork();
      await faults({ api: 'work', rateLimit: { count: 1, retryAfterSeconds: 1 } });
      const before = await stats();
      const retried = getWork();
      await clock.sleeping((ms) => ms >= 1_000); // the retry waits out Retry-After on the clock
      clock.advance(1_000);
      expect((await retried).status).toBe(200);
      expect((await stats()).requests.work - before.requests.work).toBe(2);
    });

    it('reports every Street Manager API and the sessions in /healthcheck', async () => {
      const res = await booted.http.get('/healthcheck').expect(200);
      const details = (res.body as { details: Record<string, { status: string }> }).details;
      for (const api of ['work', 'reporting', 'party', 'lookup', 'geojson']) {
        expect(details[`street-manager-${api}`]).toEqual({ status: 'up' });
      }
      expect(details['street-manager-session']).toMatchObject({ status: 'up' });
    });

    it('signs out of Street Manager on shutdown', async () => {
      // A gateway of its own, signed in as the contractor: the logout kills that user's tokens only, not those of the
      // credentials the other tests use.
      const own = await boot();
      await own.app.get(StreetManagerTransport).request({
        api: 'party',
        method: 'GET',
        path: '/organisations',
        caller: caller('9501'),
        operation: 'listOrganisations',
      });
      const before = await stats();
      await own.close();
      const after = await stats();
      expect(after.logouts - before.logouts).toBeGreaterThanOrEqual(1);
    });
  });
});
