import { HealthRegistry } from '../../src/health/health-registry';
import { type BootedApp, bootApp } from '../helpers/boot-app';

describe('health (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ app: { healthCheckTimeoutMs: 100 } });
  });
  afterAll(async () => {
    await booted.close();
  });

  it('GET /status answers 200 {"status":"ok"} without credentials', async () => {
    const res = await booted.http.get('/status').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it('GET /healthcheck answers 200 when every registered dependency is up', async () => {
    const registry = booted.app.get(HealthRegistry);
    registry.register('test-up', () => Promise.resolve({ version: '1' }));
    try {
      const res = await booted.http.get('/healthcheck').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { 'test-up': { status: 'up', version: '1' } }, error: {} });
    } finally {
      registry.unregister('test-up');
    }
  });

  it('GET /healthcheck answers 503 naming the failing dependency', async () => {
    const registry = booted.app.get(HealthRegistry);
    registry.register('test-up', () => Promise.resolve());
    registry.register('test-down', () => Promise.reject(new Error('connection refused')));
    try {
      const res = await booted.http.get('/healthcheck').expect(503);
      // Other modules register their own dependencies (the sandbox's APIs and so on); those are up here.
      expect(res.body.status).toBe('error');
      expect(res.body.error).toEqual({ 'test-down': { status: 'down', message: 'connection refused' } });
      expect(res.body.info['test-up']).toEqual({ status: 'up' });
      expect(res.body.details).toMatchObject({
        'test-up': { status: 'up' },
        'test-down': { status: 'down', message: 'connection refused' },
      });
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      registry.unregister('test-up');
      registry.unregister('test-down');
    }
  });

  it('GET /healthcheck marks a dependency that does not answer in time as down', async () => {
    const registry = booted.app.get(HealthRegistry);
    let abandoned = false;
    registry.register('test-silent', (signal) => {
      signal.addEventListener('abort', () => (abandoned = true));
      return new Promise(() => undefined);
    });
    try {
      const res = await booted.http.get('/healthcheck').expect(503);
      expect(res.body.error).toEqual({ 'test-silent': { status: 'down', message: 'no answer within 100 ms' } });
      expect(abandoned).toBe(true);
    } finally {
      registry.unregister('test-silent');
    }
  });
});
