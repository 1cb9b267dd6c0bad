import { OperatorServer } from '../../src/metrics/operator-server';
import { credential, streetManagerConfig } from '../../src/config/street-manager.config';
import { redisConfig, type RedisConfig } from '../../src/config/redis.config';
import { createSandbox } from '../../src/sandbox/sandbox';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { UpstreamUnavailableError } from '../../src/upstreams/http/upstream-errors';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import { STREET_MANAGER_ENDPOINTS } from '../../src/upstreams/street-manager/street-manager-endpoints';
import { StreetManagerTransport } from '../../src/upstreams/street-manager/street-manager.transport';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { describeWithRedis, type RedisServer, startRedisServer } from '../helpers/redis-server';
import { caller, sandboxAdmin, testStreetManagerConfig } from '../support';

// Five failed sign-ins in five minutes lock the organisation's Street Manager account: a refusal one instance met
// must stop every instance from trying the same credential, or N instances lock it N times faster.
describeWithRedis('a refused Street Manager sign-in is shared across instances', () => {
  let redis: RedisServer;
  let sandbox: RunningSandbox;
  const apps: BootedApp[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    sandbox = await createSandbox({ works: 60 });
    const promoter = sandbox.users.find((u) => u.organisationType === 'promoter')!;
    for (let i = 0; i < 2; i++) {
      const endpoints = endpointsFromSandbox(sandbox);
      endpoints.credentials = [
        credential(promoter.email, 'Not-The-Password-42!', promoter.organisationSwaCode),
      ];
      endpoints.defaultCredentialId = promoter.organisationSwaCode;
      const config: RedisConfig = {
        url: redis.url,
        keyPrefix: 'refusal:',
        commandTimeoutMs: 500,
        connectTimeoutMs: 1000,
      };
      apps.push(
        await bootApp({
          app: { healthCheckCacheMs: 0 },
          overrides: [
            { provide: STREET_MANAGER_ENDPOINTS, useValue: endpoints },
            { provide: streetManagerConfig.KEY, useValue: testStreetManagerConfig() },
            { provide: redisConfig.KEY, useValue: config },
          ],
        }),
      );
    }
  });
  afterAll(async () => {
    for (const app of apps) {
      await app.close();
    }
    await sandbox?.close();
    await redis?.stop();
  });

  it('the second instance does not try the credential the first was refused', async () => {
    const call = (app: BootedApp) =>
      app.app.get(StreetManagerTransport).request({
        api: 'party',
        method: 'GET',
        path: '/organisations',
        caller: caller(),
        operation: 'listOrganisations',
      });
    await expect(call(apps[0])).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(call(apps[1])).rejects.toBeInstanceOf(UpstreamUnavailableError);
    await expect(call(apps[1])).rejects.toBeInstanceOf(UpstreamUnavailableError);
    const stats = (await sandboxAdmin(sandbox).stats()) as { failedAuthentications: number };
    expect(stats.failedAuthentications).toBe(1);
    await apps[1].http.get('/healthcheck').expect(503);
    const operator = await apps[1].app.get(OperatorServer).listen(0, '127.0.0.1');
    expect(await (await fetch(`${operator}/healthcheck`)).text()).toContain('rejected the email or password');
  });
});
