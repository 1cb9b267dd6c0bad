import { type BootedApp, bootApp } from '../helpers/boot-app';
import { ProbesModule } from '../support/probes/probes.module';

/** Every status of issue #2 point 5, with its whole body: one error shape, framework errors included. */
describe('error bodies (e2e)', () => {
  let booted: BootedApp;
  const requestId = expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown as string;

  beforeAll(async () => {
    booted = await bootApp({ imports: [ProbesModule], app: { bodyLimitBytes: 2048 } });
  });
  afterAll(async () => {
    await booted.close();
  });

  function expectJsonError(
    res: { headers: Record<string, string>; body: unknown },
    code: string,
    message: string,
  ): void {
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toEqual({ error: { code, message, requestId } });
    expect((res.body as { error: { requestId: string } }).error.requestId).toBe(res.headers['x-request-id']);
  }

  it('404 for an unknown route', async () => {
    const res = await booted.http.get('/v1/nothing-here').expect(404);
    expectJsonError(res, 'NOT_FOUND', 'no resource matches this path');
  });

  it('405 with Allow for a known path and another method', async () => {
    const res = await booted.http.delete('/v1/probes').expect(405);
    expectJsonError(res, 'METHOD_NOT_ALLOWED', 'this resource allows only GET, HEAD, POST');
    expect(res.headers.allow).toBe('GET, HEAD, POST');
  });

  it('400 MALFORMED_JSON for an unparseable body', async () => {
    const res = await booted.http
      .post('/v1/probes')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expectJsonError(res, 'MALFORMED_JSON', 'unable to parse request body as JSON');
  });

  it('400 MALFORMED_JSON for an empty body declared as JSON', async () => {
    const res = await booted.http
      .post('/v1/probes')
      .set('content-type', 'application/json')
      .send('')
      .expect(400);
    expectJsonError(res, 'MALFORMED_JSON', 'unable to parse request body as JSON');
  });

  it('400 MALFORMED_JSON for a prototype-poisoning body', async () => {
    const res = await booted.http
      .post('/v1/probes')
      .set('content-type', 'application/json')
      .send('{"name":"a","__proto__":{"admin":true}}')
      .expect(400);
    expectJsonError(res, 'MALFORMED_JSON', 'unable to parse request body as JSON');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
    '415 for a %s body',
    async (type) => {
      const res = await booted.http.post('/v1/probes').set('content-type', type).send('name=a').expect(415);
      expectJsonError(res, 'UNSUPPORTED_MEDIA_TYPE', 'the request body must be application/json');
    },
  );

  it('413 for a body over the limit', async () => {
    const res = await booted.http
      .post('/v1/probes')
      .send({ name: 'x'.repeat(4096) })
      .expect(413);
    expectJsonError(res, 'PAYLOAD_TOO_LARGE', 'the request body is too large');
  });

  it('400 BAD_REQUEST with one detail per field for syntactic validation', async () => {
    const res = await booted.http.post('/v1/probes').send({ count: -1, colour: 'red' }).expect(400);
    expect(res.body).toEqual({
      error: {
        code: 'BAD_REQUEST',
        message: 'property colour should not exist',
        details: [
          { field: 'colour', message: 'property colour should not exist' },
          // a missing name is not a string: its length limit says nothing true of it, so it is not repeated
          { field: 'name', message: 'must be a string' },
          { field: 'count', message: 'must not be less than 0' },
        ],
        requestId,
      },
    });
  });

  it('422 VALIDATION_FAILED with per-field details for semantic validation', async () => {
    const res = await booted.http
      .post('/v1/probes')
      .send({ name: 'a', startDate: '2026-08-09', endDate: '2026-08-01' })
      .expect(422);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.body).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'endDate must be on or after startDate',
        details: [{ field: 'endDate', message: 'must be on or after startDate' }],
        requestId,
      },
    });
  });

  it('201 for a valid body (the probe itself works)', async () => {
    const res = await booted.http.post('/v1/probes').send({ name: 'a', count: 2 }).expect(201);
    expect(res.body).toEqual({ probeId: 'p-3', name: 'a' });
  });

  it('500 says only that an error happened, with the requestId; nothing of the cause', async () => {
    const res = await booted.http.get('/v1/probes/failures').expect(500);
    expectJsonError(res, 'INTERNAL_ERROR', 'an internal error occurred');
    expect(res.text).not.toMatch(/hunter2|secret|\.ts|at /);
  });

  it('errors stay JSON when XML was asked for', async () => {
    const res = await booted.http.get('/v1/probes/failures.xml').expect(500);
    expectJsonError(res, 'INTERNAL_ERROR', 'an internal error occurred');
    const notFound = await booted.http.get('/v1/nothing-here').set('accept', 'application/xml').expect(404);
    expectJsonError(notFound, 'NOT_FOUND', 'no resource matches this path');
  });
});
