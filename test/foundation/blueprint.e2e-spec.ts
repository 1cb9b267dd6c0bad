/*
 * The committed blueprint openapi/v1.yaml must equal the document the code generates.
 *
 * If this fails after you added or changed a route, DTO or Swagger decorator: run `npm run openapi:write`, review
 * the diff of openapi/v1.yaml (it is the public contract: is every change intended?), run `npm run lint:openapi`,
 * and commit the YAML with your code. Never edit openapi/v1.yaml by hand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { load } from 'js-yaml';
import { renderBlueprint } from '../../src/docs/openapi-document';
import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';
import { type BootedApp, bootApp } from '../helpers/boot-app';

describe('OpenAPI documents (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(async () => {
    await booted.close();
  });

  it('the committed blueprint openapi/v1.yaml matches the code (else run `npm run openapi:write`)', async () => {
    const res = await booted.http.get('/v1/openapi.json').expect(200);
    const committed = readFileSync(resolve(__dirname, '..', '..', 'openapi', 'v1.yaml'), 'utf8');
    expect(renderBlueprint(res.body)).toBe(committed);
  });

  it('serves the same document as JSON and YAML, unversioned paths going to the latest', async () => {
    const json = await booted.http.get('/v1/openapi.json').expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const yaml = await booted.http.get('/v1/openapi.yaml').expect(200);
    expect(yaml.headers['content-type']).toBe('application/yaml; charset=utf-8');
    expect(load(yaml.text)).toEqual(json.body);
    const unversioned = await booted.http.get('/openapi.json').expect(200);
    expect(unversioned.body).toEqual(json.body);
  });

  it('declares both security schemes under the names the route decorators use, and the shared error body', async () => {
    const { body } = await booted.http.get('/v1/openapi.json').expect(200);
    expect(body.openapi).toMatch(/^3\./);
    expect(body.components.securitySchemes).toEqual({
      subscriptionKey: expect.objectContaining({
        type: 'apiKey',
        in: 'header',
        name: 'Ocp-Apim-Subscription-Key',
      }),
      azureAd: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(body.components.schemas.ErrorResponse).toEqual(
      expect.objectContaining({
        type: 'object',
        required: ['error'],
        properties: { error: { $ref: '#/components/schemas/Error' } },
      }),
    );
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/status', '/healthcheck']));
    expect(
      Object.keys(body.paths).every((p) => p.startsWith('/v1/') || ['/status', '/healthcheck'].includes(p)),
    ).toBe(true);
  });

  it('documents the headers the pipeline really sends: request id, rate limits, ETag, Cache-Control and 304', async () => {
    const { body } = await booted.http.get('/v1/openapi.json').expect(200);
    const read = body.paths['/v1/works/{workReferenceNumber}'].get;
    const pipeline = [
      'cache-control',
      'etag',
      'x-ratelimit-limit',
      'x-ratelimit-remaining',
      'x-ratelimit-reset',
      'x-request-id',
    ];
    const documented = Object.keys(read.responses['200'].headers).map((h: string) => h.toLowerCase());
    // the works resource adds its own, sent only when the works register is down
    expect(documented.sort()).toEqual([...pipeline, 'x-enrichment-unavailable'].sort());
    expect(read.responses['304']).toBeDefined();
    expect(read.parameters).toContainEqual({ $ref: '#/components/parameters/IfNoneMatch' });
    expect(body.paths['/status'].get.responses['200'].headers).toEqual({
      'X-Request-Id': { $ref: '#/components/headers/XRequestId' },
    });

    const key = { 'Ocp-Apim-Subscription-Key': DEFAULT_SANDBOX_KEYS.demo };
    const list = await booted.http.get('/v1/works?limit=1').set(key).expect(200);
    const ref = list.body.results[0].workReferenceNumber as string;
    const res = await booted.http.get(`/v1/works/${ref}`).set(key).expect(200);
    for (const header of pipeline) {
      expect(res.headers[header]).toBeDefined();
    }
    await booted.http.get(`/v1/works/${ref}`).set(key).set('If-None-Match', res.headers.etag).expect(304);
  });

  it('has no document for an unknown version', async () => {
    const res = await booted.http.get('/v9/openapi.json').expect(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it('serves Swagger UI at /v1/docs (and /docs) under a CSP that lets it run', async () => {
    const res = await booted.http.get('/v1/docs').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('swagger-ui-bundle.js');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    await booted.http.get('/v1/docs/swagger-ui-init.js').expect(200);
    await booted.http.get('/v1/docs/swagger-ui-bundle.js').expect(200);
    const unversioned = await booted.http.get('/docs').expect(200);
    expect(unversioned.text).toContain('swagger-ui-bundle.js');
  });
});
