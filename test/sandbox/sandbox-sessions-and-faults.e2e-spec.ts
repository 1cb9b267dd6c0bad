import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { call, jwtPayload, login, TestClock, userOf } from '../support';

describe('sandbox sessions, faults, stats and the inner API', () => {
  let sandbox: RunningSandbox;
  const admin = (method: string, path: string, body?: unknown) =>
    call(method, `${sandbox.url}/__admin${path}`, { body });
  const authenticate = (emailAddress: string, password: string) =>
    call('POST', `${sandbox.baseUrls.work}/authenticate`, { body: { emailAddress, password } });
  let wrn: string;

  beforeAll(async () => {
    sandbox = await createSandbox({ seed: 3 });
    const token = (await login(sandbox, userOf(sandbox, '7374'))).idToken;
    const page = (await call('GET', `${sandbox.baseUrls.reporting}/permits`, { token })).body as {
      rows: { work_reference_number: string }[];
    };
    wrn = page.rows[0].work_reference_number;
  });
  afterAll(() => sandbox.close());
  afterEach(async () => {
    await admin('DELETE', '/faults');
  });

  const getWork = (token: string) => call('GET', `${sandbox.baseUrls.work}/works/${wrn}`, { token });

  describe('sessions', () => {
    it('issues JWTs with exp, expires them, and refreshes without a new refresh token', async () => {
      const clock = new TestClock();
      const shortLived = await createSandbox({ seed: 3, tokenLifetimeSeconds: 1, clock });
      try {
        const tokens = await login(shortLived, userOf(shortLived, '7374'));
        const claims = jwtPayload(tokens.idToken);
        expect(claims).toMatchObject({ email: userOf(shortLived, '7374').email, token_use: 'id' });
        expect(Number(claims.exp) - Number(claims.iat)).toBe(1);
        const read = (token: string) => call('GET', `${shortLived.baseUrls.work}/works/${wrn}`, { token });
        clock.advance(2_100);
        expect(await read(tokens.idToken)).toMatchObject({
          status: 401,
          body: { message: 'Authentication failed', error: { status: 401 } },
        });
        const refreshed = await call('POST', `${shortLived.baseUrls.party}/refresh`, {
          body: { refresh_token: tokens.refreshToken },
        });
        expect(refreshed.status).toBe(200);
        expect(Object.keys(refreshed.body as object).sort()).toEqual(['access_token', 'id_token']);
        expect((await read((refreshed.body as { id_token: string }).id_token)).status).toBe(200);
        expect(
          (
            await call('POST', `${shortLived.baseUrls.party}/refresh`, {
              body: { refresh_token: tokens.idToken },
            })
          ).status,
        ).toBe(401);
      } finally {
        await shortLived.close();
      }
    });

    it('takes the token header without a Bearer prefix and refuses calls without one', async () => {
      const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
      expect(
        (
          await call('GET', `${sandbox.baseUrls.work}/works/${wrn}`, {
            headers: { authorization: `Bearer ${idToken}` },
          })
        ).status,
      ).toBe(401);
      expect(
        (await call('GET', `${sandbox.baseUrls.work}/works/${wrn}`, { token: `Bearer ${idToken}` })).status,
      ).toBe(401);
      expect((await call('GET', `${sandbox.baseUrls.work}/status`)).status).toBe(200);
    });

    it('logout invalidates all of the user’s tokens; logging in again works', async () => {
      const first = await login(sandbox, userOf(sandbox, '2010'));
      const second = await login(sandbox, userOf(sandbox, '2010'));
      expect(
        (
          await call('POST', `${sandbox.baseUrls.party}/logout`, {
            body: { access_token: first.accessToken },
          })
        ).status,
      ).toBe(204);
      expect(
        (await call('GET', `${sandbox.baseUrls.party}/organisations`, { token: second.idToken })).status,
      ).toBe(401);
      expect(
        (
          await call('POST', `${sandbox.baseUrls.party}/refresh`, {
            body: { refresh_token: second.refreshToken },
          })
        ).status,
      ).toBe(401);
      const third = await login(sandbox, userOf(sandbox, '2010'));
      expect(
        (await call('GET', `${sandbox.baseUrls.party}/organisations`, { token: third.idToken })).status,
      ).toBe(200);
    });

    it('answers 401 to a wrong password and locks the account with 423 after five failures in five minutes', async () => {
      const user = userOf(sandbox, '7006');
      await admin('POST', '/stats/reset');
      for (let i = 0; i < 5; i++) {
        expect(await authenticate(user.email, 'wrong')).toMatchObject({
          status: 401,
          body: { message: 'Incorrect username or password', error: { status: 401 } },
        });
      }
      expect(await authenticate(user.email, user.password)).toMatchObject({
        status: 423,
        body: { error: { status: 423 } },
      });
      expect(
        (await authenticate(userOf(sandbox, '7301').email, userOf(sandbox, '7301').password)).status,
      ).toBe(200);
      const stats = (await admin('GET', '/stats')).body as Record<string, unknown>;
      expect(stats).toMatchObject({ authentications: 1, failedAuthentications: 6 });
    });
  });

  describe('faults', () => {
    it('adds latency', async () => {
      const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
      expect((await admin('POST', '/faults', { api: 'work', latencyMs: 300 })).status).toBe(200);
      const started = Date.now();
      expect((await getWork(idToken)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('fails every Nth call deterministically with errorRate, and the next N with errorNext', async () => {
      const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
      await admin('POST', '/faults', { api: 'work', errorRate: 0.5 });
      const statuses = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await getWork(idToken)).status);
      }
      expect(statuses).toEqual([503, 200, 503, 200]);
      await admin('DELETE', '/faults');
      await admin('POST', '/faults', { api: 'all', errorNext: 2, errorStatus: 502 });
      const failed = await call('GET', `${sandbox.baseUrls.reporting}/status`);
      expect(failed).toMatchObject({ status: 502, body: { message: 'Bad gateway', error: { status: 502 } } });
      expect((await getWork(idToken)).status).toBe(502);
      expect((await getWork(idToken)).status).toBe(200);
      // the session endpoints are untouched by error knobs: authOutage covers them
      expect(
        (await authenticate(userOf(sandbox, '7374').email, userOf(sandbox, '7374').password)).status,
      ).toBe(200);
    });

    it('answers 429 with Retry-After for a burst', async () => {
      const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
      await admin('POST', '/faults', { api: 'reporting', rateLimit: { count: 2, retryAfterSeconds: 7 } });
      const limited = await call('GET', `${sandbox.baseUrls.reporting}/permits`, { token: idToken });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('7');
      expect(limited.body).toEqual({ message: 'Too many requests', error: { status: 429 } });
      expect((await call('GET', `${sandbox.baseUrls.reporting}/permits`, { token: idToken })).status).toBe(
        429,
      );
      expect((await call('GET', `${sandbox.baseUrls.reporting}/permits`, { token: idToken })).status).toBe(
        200,
      );
      expect((await getWork(idToken)).status).toBe(200);
    });

    it('takes authentication and refresh down with authOutage', async () => {
      const tokens = await login(sandbox, userOf(sandbox, '7374'));
      await admin('POST', '/faults', { authOutage: true });
      const user = userOf(sandbox, '7374');
      expect(await authenticate(user.email, user.password)).toMatchObject({
        status: 503,
        body: { error: { status: 503 } },
      });
      expect(
        (
          await call('POST', `${sandbox.baseUrls.party}/refresh`, {
            body: { refresh_token: tokens.refreshToken },
          })
        ).status,
      ).toBe(503);
      expect((await getWork(tokens.idToken)).status).toBe(200);
    });

    it.each([
      ['not-json', (text: string) => expect(() => JSON.parse(text) as unknown).toThrow()],
      ['truncated', (text: string) => expect(() => JSON.parse(text) as unknown).toThrow()],
      [
        'wrong-type',
        (text: string) =>
          expect((JSON.parse(text) as { work_reference_number: unknown }).work_reference_number).toBe(12345),
      ],
      [
        'missing-field',
        (text: string) => expect(JSON.parse(text)).not.toHaveProperty('work_reference_number'),
      ],
    ])('spoils bodies with malformed=%s', async (kind, check) => {
      const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
      await admin('POST', '/faults', { api: 'work', malformed: kind });
      const res = await getWork(idToken);
      expect(res.status).toBe(200);
      check(res.text);
    });

    it('revokes older tokens with unauthorizedNext, and refuses even fresh ones with forbidNext', async () => {
      const old = await login(sandbox, userOf(sandbox, '7374'));
      await admin('POST', '/faults', { api: 'work', unauthorizedNext: 1 });
      expect((await getWork(old.idToken)).status).toBe(401);
      expect((await getWork(old.idToken)).status).toBe(200);
      await admin('POST', '/faults', { api: 'work', unauthorizedNext: 1 });
      const fresh = await login(sandbox, userOf(sandbox, '7374'));
      expect((await getWork(fresh.idToken)).status).toBe(200);

      await admin('POST', '/faults', { api: 'work', forbidNext: 2 });
      expect(await getWork(fresh.idToken)).toMatchObject({
        status: 401,
        body: { message: 'Access restricted', error: { status: 401 } },
      });
      const newest = await login(sandbox, userOf(sandbox, '7374'));
      expect((await getWork(newest.idToken)).status).toBe(401);
      expect((await getWork(newest.idToken)).status).toBe(200);
    });

    it('validates fault rules and lists the active ones', async () => {
      expect((await admin('POST', '/faults', { api: 'mars' })).status).toBe(400);
      expect((await admin('POST', '/faults', { errorRate: 2 })).status).toBe(400);
      await admin('POST', '/faults', { api: 'lookup', latencyMs: 5 });
      expect((await admin('GET', '/faults')).body).toEqual({ faults: [{ api: 'lookup', latencyMs: 5 }] });
    });

    it('takes initial faults from the options', async () => {
      const faulty = await createSandbox({ faults: [{ api: 'work', errorNext: 1 }] });
      try {
        expect((await call('GET', `${faulty.baseUrls.work}/status`)).status).toBe(503);
        expect((await call('GET', `${faulty.baseUrls.work}/status`)).status).toBe(200);
      } finally {
        await faulty.close();
      }
    });
  });

  it('records contract violations and answers them with 400 in Street Manager’s shape', async () => {
    await admin('POST', '/stats/reset');
    const { idToken } = await login(sandbox, userOf(sandbox, '7374'));
    const res = await call('PUT', `${sandbox.baseUrls.work}/works/${wrn}/permits/${wrn}-01/status`, {
      token: idToken,
      body: { permit_status: 'paused', colour: 'red' },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      message: expect.stringContaining('Street Manager contract') as string,
      error: { status: 400 },
    });
    const stats = (await admin('GET', '/stats')).body as {
      contractViolations: unknown[];
      requests: Record<string, number>;
    };
    expect(stats.contractViolations).toEqual([
      {
        kind: 'request',
        api: 'work',
        method: 'PUT',
        path: '/works/{workReferenceNumber}/permits/{permitReferenceNumber}/status',
        errors: expect.arrayContaining([
          '(root) must NOT have additional properties: colour',
          '/permit_status must be equal to one of the allowed values',
        ]) as string[],
        at: expect.any(String) as string,
      },
    ]);
    expect(stats.requests.work).toBe(2);
  });

  it('checks its own answers strictly when asked, and counts the operations it served', async () => {
    const strict = await createSandbox({ seed: 3, checkAnswers: true });
    try {
      const { idToken } = await login(strict, userOf(strict, '7374'));
      await call('GET', `${strict.baseUrls.reporting}/permits?include_total_count=true`, { token: idToken });
      await call('POST', `${strict.baseUrls.lookup}/nsg/streets/search`, {
        token: idToken,
        body: { coordinates: [{ easting: 1, northing: 2 }] },
      });
      await call('POST', `${strict.url}/__admin/faults`, {
        body: { api: 'reporting', malformed: 'missing-field' },
      });
      await call('GET', `${strict.baseUrls.reporting}/permits`, { token: idToken });
      const stats = (await call('GET', `${strict.url}/__admin/stats`)).body as {
        contractViolations: { kind: string; path: string }[];
        operations: Record<string, number>;
      };
      expect(stats.operations).toEqual({
        'work POST /authenticate': 1,
        'reporting GET /permits': 2,
        'lookup POST /nsg/streets/search': 1,
      });
      // the spoiled answer is named; the good ones are not
      expect(stats.contractViolations.map((v) => [v.kind, v.path])).toEqual([['answer', '/permits']]);
    } finally {
      await strict.close();
    }
  });

  describe('inner works register', () => {
    const token = (form: Record<string, string>) =>
      fetch(sandbox.inner.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      });
    const good = () => ({
      grant_type: 'client_credentials',
      client_id: sandbox.inner.clientId,
      client_secret: sandbox.inner.clientSecret,
      scope: sandbox.inner.scope,
    });

    it('issues a client-credentials token and serves the register with it', async () => {
      await admin('POST', '/stats/reset');
      const res = await token(good());
      expect(res.status).toBe(200);
      const body = (await res.json()) as { token_type: string; expires_in: number; access_token: string };
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
      expect(jwtPayload(body.access_token)).toMatchObject({
        appid: sandbox.inner.clientId,
        exp: expect.any(Number) as number,
      });
      const record = await call('GET', `${sandbox.inner.worksRegisterUrl}/works/${wrn}`, {
        headers: { authorization: `Bearer ${body.access_token}` },
      });
      expect(record).toMatchObject({
        status: 200,
        body: { workReferenceNumber: wrn, jobNumber: expect.stringMatching(/^JOB-/) as string },
      });
      expect(
        (
          await call('GET', `${sandbox.inner.worksRegisterUrl}/works/NOPE`, {
            headers: { authorization: `Bearer ${body.access_token}` },
          })
        ).status,
      ).toBe(404);
      const stats = (await admin('GET', '/stats')).body as { innerTokensIssued: number };
      expect(stats.innerTokensIssued).toBe(1);
    });

    it('refuses a wrong secret with an AAD-like body, and the register without a valid token', async () => {
      const res = await token({ ...good(), client_secret: 'nope' });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: 'invalid_client', error_codes: [7000215] });
      const unauthenticated = await call('GET', `${sandbox.inner.worksRegisterUrl}/works/${wrn}`, {
        headers: { authorization: 'Bearer x.y.z' },
      });
      expect(unauthenticated.status).toBe(401);
      expect(unauthenticated.headers.get('www-authenticate')).toContain('Bearer');
      expect((await call('GET', `${sandbox.inner.worksRegisterUrl}/health`)).status).toBe(200);
    });

    it('applies inner faults to the register and its token endpoint', async () => {
      await admin('POST', '/faults', { api: 'inner', errorNext: 1, authOutage: true });
      expect((await token(good())).status).toBe(503);
      expect((await call('GET', `${sandbox.inner.worksRegisterUrl}/health`)).status).toBe(503);
      expect((await call('GET', `${sandbox.inner.worksRegisterUrl}/health`)).status).toBe(200);
    });
  });
});
