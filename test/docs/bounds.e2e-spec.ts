import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { sandboxUrl } from '../resources/support';
import { exampleBody, exampleUrl, type OpenApi, operations, type Parameter } from './support/document';

/*
 * Every bound the document states on what callers send is enforced: for each parameter, header and request body
 * property with a maxLength, maximum or maxItems in the live /v1/openapi.json, a value just past it is a 400 whose
 * details name the field and the bound, and Street Manager is never called for any of them.
 */
const DEMO = { 'Ocp-Apim-Subscription-Key': DEFAULT_SANDBOX_KEYS.demo };

type Bounded = {
  type?: string;
  maxLength?: number;
  maximum?: number;
  maxItems?: number;
  enum?: string[];
  items?: Bounded;
  $ref?: string;
};
type ErrorBody = { error?: { details?: { field?: string; message: string }[] } };

/** A value just past the schema's bound, and the bound, or undefined when the schema states none. */
function pastBound(schema: Bounded): { value: unknown; bound: number } | undefined {
  if (schema.type === 'string' && schema.maxLength !== undefined && !schema.enum) {
    return { value: '1'.repeat(schema.maxLength + 1), bound: schema.maxLength };
  }
  if (schema.type === 'integer' && schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) {
    return { value: schema.maximum + 1, bound: schema.maximum };
  }
  if (schema.type === 'array' && schema.maxItems !== undefined) {
    const item = schema.items?.enum?.[0] ?? 1;
    return { value: Array.from({ length: schema.maxItems + 1 }, () => item), bound: schema.maxItems };
  }
  return undefined;
}

function namesFieldAndBound(body: unknown, field: string, bound: number): boolean {
  return ((body as ErrorBody).error?.details ?? []).some(
    (d) => d.field === field && d.message.includes(String(bound)),
  );
}

describe('documented input bounds are enforced before Street Manager is called', () => {
  let booted: BootedApp;
  let document: OpenApi;

  beforeAll(async () => {
    booted = await bootApp();
    document = (await booted.http.get('/v1/openapi.json').expect(200)).body as OpenApi;
  });

  afterAll(async () => {
    await booted.close();
  });

  const upstreamCalls = async (): Promise<number> => {
    const stats = (await (await fetch(`${sandboxUrl(booted)}/__admin/stats`)).json()) as {
      requests: Record<string, number>;
    };
    return Object.entries(stats.requests)
      .filter(([api]) => api !== 'token')
      .reduce((sum, [, n]) => sum + n, 0);
  };

  it('a value past any documented bound is a 400 naming the field and the bound', async () => {
    const failures: string[] = [];
    let checked = 0;
    const before = await upstreamCalls();
    for (const op of operations(document, ['get', 'post', 'put']).filter((o) => o.path.startsWith('/v1/'))) {
      const base = exampleUrl(document, op);
      const send = (url: string, headers: Record<string, string> = {}, body?: unknown) => {
        const req = booted.http[op.method as 'get' | 'post' | 'put'](url).set(DEMO).set(headers);
        return op.method === 'get' ? req : req.send((body ?? exampleBody(op)) as object);
      };
      const expect400 = (name: string, bound: number, res: { status: number; body: unknown }) => {
        checked += 1;
        if (res.status !== 400 || !namesFieldAndBound(res.body, name, bound)) {
          failures.push(
            `${op.method.toUpperCase()} ${op.path} ${name} past ${bound}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`,
          );
        }
      };
      for (const raw of op.operation.parameters ?? []) {
        const parameter: Parameter = raw.$ref
          ? (document.components.parameters?.[raw.$ref.split('/').pop() as string] as Parameter)
          : raw;
        const past = pastBound(parameter.schema ?? {});
        if (!past) {
          continue;
        }
        if (parameter.in === 'query') {
          const [path, search] = base.split('?');
          const query = new URLSearchParams(search);
          query.delete(parameter.name);
          for (const v of Array.isArray(past.value) ? past.value : [past.value]) {
            query.append(parameter.name, String(v as string | number));
          }
          expect400(parameter.name, past.bound, await send(`${path}?${query.toString()}`));
        } else if (parameter.in === 'path') {
          const segments = base.split('?')[0].split('/');
          segments[op.path.split('/').indexOf(`{${parameter.name}}`)] = String(past.value);
          expect400(parameter.name, past.bound, await send(segments.join('/')));
        } else if (parameter.in === 'header') {
          expect400(parameter.name, past.bound, await send(base, { [parameter.name]: String(past.value) }));
        }
      }
      const body = exampleBody(op) as Record<string, unknown> | undefined;
      const schemaRef = (
        op.operation.requestBody?.content?.['application/json'] as { schema?: Bounded } | undefined
      )?.schema?.$ref;
      const schema = schemaRef
        ? (document.components.schemas[schemaRef.split('/').pop() as string] as {
            properties?: Record<string, Bounded>;
          })
        : undefined;
      for (const [name, property] of Object.entries(schema?.properties ?? {})) {
        const past = pastBound(property);
        if (body && past) {
          expect400(name, past.bound, await send(base, {}, { ...body, [name]: past.value }));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(150);
    expect(await upstreamCalls()).toBe(before);
  });
});
