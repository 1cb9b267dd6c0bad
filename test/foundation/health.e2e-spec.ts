import { HealthRegistry } from '../../src/health/health-registry';
import { type BootedApp, bootApp } from '../helpers/boot-app';

describe('health (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
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
      expect(res.body).toEqual({
        status: 'error',
        info: { 'test-up': { status: 'up' } },
        error: { 'test-down': { status: 'down', message: 'connection refused' } },
        details: { 'test-up': { status: 'up' }, 'test-down': { status: 'down', message: 'connection refused' } },
      });
      expect(res.headers['cache-control']).toBe('no-store');
    } finally {
      registry.unregister('test-up');
      registry.unregister('test-down');
    }
  });
});
