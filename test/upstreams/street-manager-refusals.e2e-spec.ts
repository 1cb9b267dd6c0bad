import type { Caller } from '../../src/auth/caller';
import { ErrorCode } from '../../src/common/errors/api-error';
import { credential, streetManagerConfig } from '../../src/config/street-manager.config';
import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { UpstreamUnavailableError } from '../../src/upstreams/http/upstream-errors';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { StreetManagerTransport } from '../../src/upstreams/street-manager/street-manager.transport';
import { OperatorServer } from '../../src/metrics/operator-server';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { LogCapture } from '../helpers/log-capture';
import { caller, sandboxAdmin, testStreetManagerConfig } from '../support';

// A file of its own: log capture needs the only app booted in this Jest module registry.
describe('Street Manager sign-in refusals (e2e against the sandbox)', () => {
  let sandbox: RunningSandbox;
  let admin: ReturnType<typeof sandboxAdmin>;
  const stats = () => admin.stats();
  const faults = (rule: object) => admin.faults(rule);
  const clearFaults = () => admin.clearFaults();

  beforeAll(async () => {
    sandbox = await createSandbox({ works: 60 });
    admin = sandboxAdmin(sandbox);
  });
  afterAll(async () => {
    await sandbox.close();
  });

  describe('when Street Manager refuses or cannot answer the sign-in', () => {
    let booted: BootedApp;
    let transport: StreetManagerTransport;
    const logs = new LogCapture();
    const promoter = () => sandbox.users.find((u) => u.organisationType === 'promoter')!;
    const other = () => sandbox.users.find((u) => u.organisationType === 'highway_authority')!;
    const wrongPassword = 'Not-The-Password-42!';

    beforeAll(async () => {
      const endpoints = endpointsFromSandbox(sandbox);
      endpoints.credentials = [
        credential(promoter().email, wrongPassword, promoter().organisationSwaCode),
        credential(other().email, other().password, other().organisationSwaCode),
      ];
      endpoints.defaultCredentialId = promoter().organisationSwaCode;
      booted = await bootApp({
        app: { healthCheckCacheMs: 0 },
        logs,
        overrides: [
          { provide: STREET_MANAGER_ENDPOINTS, useValue: endpoints },
          { provide: streetManagerConfig.KEY, useValue: testStreetManagerConfig() },
        ],
      });
      transport = booted.app.get(StreetManagerTransport);
    });
    afterAll(async () => {
      await clearFaults();
      await booted.close();
    });

    const listOrganisations = (who: Caller) =>
      transport.request({
        api: 'party',
        method: 'GET',
        path: '/organisations',
        caller: who,
        operation: 'listOrganisations',
      });

    it('never retries a sign-in refused for bad credentials, and says so in /healthcheck', async () => {
      const before = await stats();
      for (let i = 0; i < 3; i++) {
        const error = await listOrganisations(caller()).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(UpstreamUnavailableError);
        expect(error).toMatchObject({
          status: 503,
          code: ErrorCode.UPSTREAM_UNAVAILABLE,
          reason: 'credentials',
        });
      }
      const after = await stats();
      expect(after.failedAuthentications - before.failedAuthentications).toBe(1);

      await booted.http.get('/healthcheck').expect(503);
      const operator = await booted.app.get(OperatorServer).listen(0, '127.0.0.1');
      const session = (
        (await (await fetch(`${operator}/healthcheck`)).json()) as {
          details: Record<string, { status: string; message?: string }>;
        }
      ).details['street-manager-session'];
      expect(session.status).toBe('down');
      expect(session.message).toContain(
        `credential ${promoter().organisationSwaCode}: Street Manager rejected the email or password (401)`,
      );
      expect(logs.text()).not.toContain(wrongPassword);
      expect(logs.text()).toContain('Street Manager refused the gateway');
    });

    it('backs off and retries a sign-in that meets a busy Street Manager, a bounded number of times', async () => {
      await faults({ api: 'work', authOutage: true });
      const before = await stats();
      const error = await listOrganisations(caller(other().organisationSwaCode)).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 503, code: ErrorCode.UPSTREAM_UNAVAILABLE });
      expect((await stats()).requests.work - before.requests.work).toBe(3);
      await clearFaults();
      expect((await listOrganisations(caller(other().organisationSwaCode))).status).toBe(200);
    });
  });
});
