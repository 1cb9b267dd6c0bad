import { bootApp, type BootedApp } from '../helpers/boot-app';
import { AnswerChecker } from './support/answers';
import { exampleBody, exampleUrl, type OpenApi, operations, sandboxKeyFor } from './support/document';

/*
 * Try it out, without a browser: what Swagger UI prefills from the live document must work against the sandbox with
 * the demo key. Every GET built from its parameter examples answers 2xx with data; every write's documented example
 * body is accepted, and the write's answer is the documented one. Writes run after the reads, each on a freshly booted sandbox, so one write's effect (a cancelled
 * permit, an assessed alteration) cannot decide whether another succeeds.
 */
const keyFor = sandboxKeyFor;

/*
 * A caller's own webhook subscriptions exist only once the caller has created one (and creating one needs a receiver
 * whose name resolves, which this machine cannot do): Swagger UI cannot try them from a fresh sandbox, so they are
 * left out here and covered by test/webhooks. Known gap: a sandbox-mode demo subscription would make them tryable.
 */
const tryable = (op: { path: string }): boolean =>
  op.path.startsWith('/v1/') && !op.path.startsWith('/v1/webhook-subscriptions');

function hasData(body: unknown): boolean {
  if (body === null || typeof body !== 'object') {
    return false;
  }
  const results = (body as { results?: unknown[] }).results;
  return results === undefined ? Object.keys(body).length > 0 : results.length > 0;
}

describe('Try it out: the document examples work against the sandbox', () => {
  let booted: BootedApp;
  let document: OpenApi;

  beforeAll(async () => {
    booted = await bootApp();
    document = (await booted.http.get('/v1/openapi.json').expect(200)).body as OpenApi;
  });

  afterAll(async () => {
    await booted.close();
  });

  it('every GET built from its prefilled parameter examples answers 2xx with data', async () => {
    const gets = operations(document, ['get']).filter(tryable);
    expect(gets.length).toBeGreaterThanOrEqual(20);
    const outcomes: string[] = [];
    for (const op of gets) {
      const url = exampleUrl(document, op);
      const res = await booted.http.get(url).set(keyFor(op));
      const ok = res.status >= 200 && res.status < 300 && hasData(res.body);
      outcomes.push(
        `${ok ? 'ok' : 'FAILED'} ${res.status} GET ${url}${ok ? '' : ` ${JSON.stringify(res.body).slice(0, 300)}`}`,
      );
    }
    expect(outcomes.filter((o) => !o.startsWith('ok'))).toEqual([]);
  });

  it('every write has a documented example body, and the sandbox accepts it', async () => {
    const writes = operations(document, ['post', 'put', 'patch']).filter(tryable);
    expect(writes.length).toBeGreaterThanOrEqual(10);
    const outcomes: string[] = [];
    for (const op of writes) {
      const fresh = await bootApp();
      try {
        const url = exampleUrl(document, op);
        const body = exampleBody(op);
        const res = await fresh.http[op.method as 'post' | 'put'](url)
          .set(keyFor(op))
          .send(body as object);
        const ok = body !== undefined && res.status >= 200 && res.status < 300;
        // The answer must also be the documented one (status, schema, headers).
        outcomes.push(...new AnswerChecker(document).problems(op, res).map((p) => `FAILED ${p}`));
        outcomes.push(
          `${ok ? 'ok' : 'FAILED'} ${res.status} ${op.method.toUpperCase()} ${url}${ok ? '' : ` ${JSON.stringify(body)} → ${JSON.stringify(res.body).slice(0, 400)}`}`,
        );
      } finally {
        await fresh.close();
      }
    }
    expect(outcomes.filter((o) => !o.startsWith('ok'))).toEqual([]);
  });
});
