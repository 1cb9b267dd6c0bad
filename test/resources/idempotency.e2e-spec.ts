import { randomUUID } from 'node:crypto';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { clearFaults, day, KEY, sandboxAdmin, sandboxOf, setFault, validWork } from '../support';

/** One builder for every work; these keys' works sit further out and on a point. */
function work(description: string): Record<string, unknown> {
  return validWork({
    description,
    geometry: { type: 'Point', coordinates: [-1.5486, 53.7975] },
    proposedStartDate: day(40),
    proposedEndDate: day(41),
    locationDescription: 'Outside number 9',
    excavation: false,
  });
}

async function callsTo(booted: BootedApp, api: string): Promise<number> {
  return (await sandboxAdmin(sandboxOf(booted)).stats()).requests[api] ?? 0;
}

describe('Idempotency-Key on POST', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted.close());
  afterEach(() => clearFaults(booted));

  it('applies to every POST: each documents the header, and @ApiIdempotencyKey() both documents and binds it', async () => {
    const { body } = await booted.http.get('/v1/openapi.json').expect(200);
    const paths = (
      body as { paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }> }
    ).paths;
    const posts = Object.entries(paths).filter(([, operations]) => operations.post);
    expect(posts.length).toBeGreaterThan(0);
    for (const [path, operations] of posts) {
      const header = operations.post!.parameters?.some(
        (p) => p.in === 'header' && p.name === 'Idempotency-Key',
      );
      expect({ path, header }).toEqual({ path, header: true });
    }
  });

  it('replays the first response for the same key and body, creating once', async () => {
    const key = randomUUID();
    const first = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('Replay me'))
      .expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();

    // Same body with its properties in another order is the same request.
    const reordered = Object.fromEntries(Object.entries(work('Replay me')).reverse());
    const again = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(reordered)
      .expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.body).toEqual(first.body);

    const listed = await booted.http
      .get(`/v1/permits?workReferenceNumber=${first.body.workReferenceNumber as string}`)
      .set(KEY.promoter)
      .expect(200);
    expect(listed.body.metadata.resultset.count).toBe(1);
  });

  it('refuses the same key with another body with a 422', async () => {
    const key = randomUUID();
    await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('First'))
      .expect(201);
    const res = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('Second'))
      .expect(422);
    expect(res.body.error).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'this Idempotency-Key was already used for a different request',
      details: [
        {
          field: 'Idempotency-Key',
          message: 'was used before with another request body or target; use a new key for a new request',
        },
      ],
      requestId: expect.any(String),
    });
  });

  it('answers 409 while the first request with the key is still running', async () => {
    const key = randomUUID();
    await setFault(booted, { api: 'party', latencyMs: 1500 });
    const slow = booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('Slow one'))
      .then((r) => r);
    // Wait until the first request is inside Street Manager (it holds the key by then): the latency fault sleeps on the app's clock.
    await booted.clock.sleeping((ms) => ms === 1500);
    const second = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('Slow one'))
      .expect(409);
    expect(second.body.error.code).toBe('CONFLICT');
    expect(second.headers['retry-after']).toBe('1');
    booted.clock.advance(1500);
    expect((await slow).status).toBe(201);
  });

  it('keeps keys per client: another client’s identical key is a new request', async () => {
    const key = randomUUID();
    const mine = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('Per client'))
      .expect(201);
    const theirs = await booted.http
      .post('/v1/works')
      .set(KEY.demo)
      .set('Idempotency-Key', key)
      .send(work('Per client'))
      .expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.workReferenceNumber).not.toBe(mine.body.workReferenceNumber);
  });

  it('forgets a key whose request failed, so it can be retried', async () => {
    const key = randomUUID();
    const body = work('Retry after fix');
    await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send({ ...body, excavation: 'no' })
      .expect(400);
    await booted.http.post('/v1/works').set(KEY.promoter).set('Idempotency-Key', key).send(body).expect(201);
  });

  it('keeps a write whose answer was lost: a retry with the key gets the same answer and sends nothing', async () => {
    // Before: the 502 released the key, and the retry after the fault created a second work.
    const key = randomUUID();
    const body = work('Answer lost');
    await setFault(booted, { api: 'work', malformed: 'truncated' });
    const lost = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(502);
    expect(lost.body.error).toMatchObject({
      code: 'WRITE_OUTCOME_UNKNOWN',
      message: expect.stringContaining('GET /v1/works'),
    });
    expect(lost.headers.link).toBe('</v1/works>; rel="collection"');
    await clearFaults(booted);
    const before = await callsTo(booted, 'work');
    const retry = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(502);
    expect(retry.body.error.code).toBe('WRITE_OUTCOME_UNKNOWN');
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await callsTo(booted, 'work')).toBe(before);
  });

  it('answers 201 for a create Street Manager confirmed even when the read-back fails, and replays it', async () => {
    // Before: the failed read-back was a 503 with Retry-After, the key was released and a retry created a second work.
    const list = await booted.http.get('/v1/works?limit=1').set(KEY.promoter).expect(200);
    const existing = list.body.results[0].workReferenceNumber as string;
    // Counter-based: with errorRate 0.5 every other work call fails, with a 500 that reads are not retried on.
    await setFault(booted, { api: 'work', errorRate: 0.5, errorStatus: 500 });
    await booted.http.get(`/v1/works/${existing}`).set(KEY.promoter).expect(502);
    const key = randomUUID();
    const body = work('Read-back lost');
    const created = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(created.headers['x-enrichment-unavailable']).toBe('street-manager');
    expect(created.headers.location).toBe(`/v1/works/${created.body.workReferenceNumber}`);
    expect(created.body).toMatchObject({
      workReferenceNumber: expect.any(String),
      activePermitReferenceNumber: expect.stringMatching(new RegExp(`^${created.body.workReferenceNumber}-`)),
      status: 'unknown',
      description: 'Read-back lost',
      organisationRecord: null,
    });
    await clearFaults(booted);
    const before = await callsTo(booted, 'work');
    const replay = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body.workReferenceNumber).toBe(created.body.workReferenceNumber);
    expect(await callsTo(booted, 'work')).toBe(before);
    await booted.http.get(created.headers.location).set(KEY.promoter).expect(200);
  });

  it.each([['x'.repeat(256)], ['naïve-key']])('refuses a malformed key (%#) with a 400', async (key) => {
    const res = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .set('Idempotency-Key', key)
      .send(work('Bad key'))
      .expect(400);
    expect(res.body.error.details).toEqual([
      { field: 'Idempotency-Key', message: 'must be 1 to 255 printable ASCII characters, sent once' },
    ]);
  });
});
