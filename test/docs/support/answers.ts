import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';
import { toJsonSchema } from '../../../src/upstreams/street-manager/contract/openapi-to-json-schema';
import type { DocumentedOperation, OpenApi } from './document';

const REF_BASE = 'v1-document';

/**
 * Checks a live answer against what /v1/openapi.json says of it: the status is documented for the operation, a JSON
 * body matches the documented schema (ajv, formats included), and the documented request-id and rate-limit headers
 * are there.
 */
export class AnswerChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(document: OpenApi) {
    addFormats(this.ajv);
    const definitions = Object.fromEntries(
      Object.entries(document.components.schemas).map(([name, schema]) => [
        name,
        toJsonSchema(schema, REF_BASE),
      ]),
    );
    this.ajv.addSchema({ $id: REF_BASE, definitions });
  }

  /** Problems with this answer, empty when it is exactly as documented. */
  problems(op: DocumentedOperation, res: Response): string[] {
    const name = `${op.method.toUpperCase()} ${op.path} → ${res.status}`;
    const documented = op.operation.responses[String(res.status)] as
      { content?: Record<string, { schema?: unknown }>; headers?: Record<string, unknown> } | undefined;
    if (!documented) {
      return [`${name}: status not documented`];
    }
    const problems: string[] = [];
    for (const header of Object.keys(documented.headers ?? {})) {
      if (
        /^(X-Request-Id|X-RateLimit-Limit|X-RateLimit-Remaining|X-RateLimit-Reset|Retry-After)$/.test(
          header,
        ) &&
        res.headers[header.toLowerCase()] === undefined
      ) {
        problems.push(`${name}: documented header ${header} is missing`);
      }
    }
    const contentType = String(res.headers['content-type'] ?? '').split(';')[0];
    if (res.status === 304 || res.status === 204) {
      return problems;
    }
    const media = documented.content?.[contentType];
    if (!media?.schema) {
      return [...problems, `${name}: content type ${contentType} not documented`];
    }
    if (contentType !== 'application/json' && contentType !== 'application/geo+json') {
      return problems;
    }
    const key = `${op.method} ${op.path} ${res.status} ${contentType}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(toJsonSchema(media.schema, REF_BASE) as object);
      this.compiled.set(key, validate);
    }
    if (!validate(res.body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
      problems.push(`${name}: body does not match the documented schema: ${errors.join('; ')}`);
    }
    return problems;
  }
}
