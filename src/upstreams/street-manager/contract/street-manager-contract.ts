import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { dateTimeFormat } from './date-time-format';
import { type SchemaOptions, toJsonSchema } from './openapi-to-json-schema';
import { loadSpec, type OpenApiOperation, type StreetManagerApi } from './spec-files';

export type { StreetManagerApi } from './spec-files';

export interface ContractCheck {
  valid: boolean;
  errors: string[];
}

interface OperationEntry {
  method: string;
  pathTemplate: string;
  segments: string[];
  paramCount: number;
  operation: OpenApiOperation;
}

/**
 * How strictly a body is read. `request`: as Street Manager checks what it is sent (closed enums, no unknown fields
 * where the spec says so). `response`: as the gateway reads answers, tolerant of what a minor release may add — every
 * enum is open and unknown fields pass (V6-A7, V6-A8). `response-strict`: the spec to the letter (even enums
 * that list `upcoming_enum` are closed), for the sandbox's own answers in tests, so the sandbox cannot drift.
 */
export type ContractReading = 'request' | 'response' | 'response-strict';

const READINGS: Record<ContractReading, SchemaOptions> = {
  request: {},
  response: { openEnums: true, openObjects: true, nullableAsType: true },
  'response-strict': { closedEnums: true },
};

interface ApiContract {
  /** one ajv per reading, with the spec's component schemas registered under refBase; built on first use */
  registries: Map<ContractReading, Ajv>;
  refBase: string;
  /** the spec's own component schemas, to see through a query parameter's `$ref` when coercing its text */
  schemas: Record<string, unknown>;
  operations: OperationEntry[];
  byKey: Map<string, OperationEntry>;
  /** one compiled validator per operation and body (request / response key / query); null = no schema, anything goes */
  validators: Map<string, ValidateFunction | null>;
  /** the same validators keyed by checkResponse's arguments (`response GET /works/{workReferenceNumber} 200`) */
  responseValidators: Map<string, ValidateFunction | null>;
  /** requestTakes() answers, by operation and property */
  takes: Map<string, boolean>;
}

const MAX_REPORTED_ERRORS = 10;
/** One shared answer for every valid body (frozen: callers only read it). */
const VALID: ContractCheck = Object.freeze({ valid: true, errors: Object.freeze([]) as unknown as string[] });
const contracts = new Map<StreetManagerApi, ApiContract>();

/** Specs load and schemas compile on first use, once per API and operation: checks sit on the gateway's hot path. */
function contractFor(api: StreetManagerApi): ApiContract {
  let contract = contracts.get(api);
  if (contract) {
    return contract;
  }
  const spec = loadSpec(api);
  const refBase = `street-manager-${api}`;
  const operations: OperationEntry[] = [];
  for (const [pathTemplate, methods] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) {
        continue;
      }
      const segments = pathTemplate.split('/').filter(Boolean);
      operations.push({
        method: method.toUpperCase(),
        pathTemplate,
        segments,
        paramCount: segments.filter(isParam).length,
        operation,
      });
    }
  }
  // Literal segments win over parameters (`/works/updates` before `/works/{workReferenceNumber}`).
  operations.sort((a, b) => a.paramCount - b.paramCount);
  const byKey = new Map(operations.map((o) => [`${o.method} ${o.pathTemplate}`, o]));
  contract = {
    registries: new Map(),
    refBase,
    schemas: spec.components?.schemas ?? {},
    operations,
    byKey,
    validators: new Map(),
    responseValidators: new Map(),
    takes: new Map(),
  };
  contracts.set(api, contract);
  return contract;
}

function registry(contract: ApiContract, reading: ContractReading): Ajv {
  let ajv = contract.registries.get(reading);
  if (!ajv) {
    // The gateway's reading of answers stops at the first mismatch (any mismatch is a 502, its errors are only
    // logged); requests and the strict reading list every error, for the sandbox's 400s and for tests.
    ajv = new Ajv({ strict: false, allErrors: reading !== 'response', validateFormats: true });
    addFormats(ajv);
    ajv.addFormat('date-time', dateTimeFormat);
    const definitions = Object.fromEntries(
      Object.entries(contract.schemas).map(([name, schema]) => [
        name,
        toJsonSchema(schema, contract.refBase, READINGS[reading]),
      ]),
    );
    ajv.addSchema({ $id: contract.refBase, definitions }, contract.refBase);
    contract.registries.set(reading, ajv);
  }
  return ajv;
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Finds the spec operation for a concrete path relative to the API base, e.g. `/works/ABC123`. */
export function matchOperation(
  api: StreetManagerApi,
  method: string,
  concretePath: string,
): { pathTemplate: string } | undefined {
  const upper = method.toUpperCase();
  const query = concretePath.indexOf('?');
  const segments = (query >= 0 ? concretePath.slice(0, query) : concretePath).split('/').filter(Boolean);
  for (const op of contractFor(api).operations) {
    if (op.method !== upper || op.segments.length !== segments.length) {
      continue;
    }
    if (op.segments.every((s, i) => isParam(s) || s === segments[i])) {
      return { pathTemplate: op.pathTemplate };
    }
  }
  return undefined;
}

/**
 * The response entry for a status: the exact code, else its class (`2XX`: the V6 files cannot say which 2xx an
 * operation answers, see v6-assumptions.ts), else `default`. Undefined = the spec says nothing about this status.
 */
function responseKey(op: OpenApiOperation, status: number): string | undefined {
  const responses = op.responses ?? {};
  return [String(status), `${String(status)[0]}XX`, 'default'].find((key) => responses[key] !== undefined);
}

export function checkResponse(
  api: StreetManagerApi,
  method: string,
  pathTemplate: string,
  status: number,
  body: unknown,
  reading: 'response' | 'response-strict' = 'response',
): ContractCheck {
  // The hot path (every upstream answer): one lookup by the call's own words, no per-call closure or key building
  // beyond this one string.
  const contract = contractFor(api);
  const callKey = `${reading} ${method} ${pathTemplate} ${status}`;
  let validate = contract.responseValidators.get(callKey);
  if (validate === undefined) {
    validate = validatorFor(contract, reading, method.toUpperCase(), pathTemplate, (op) => {
      const key = responseKey(op, status);
      return {
        key: `response ${key ?? 'none'}`,
        schema: key ? op.responses?.[key]?.content?.['application/json']?.schema : undefined,
      };
    });
    if (validate === undefined) {
      return noOperation(api, method, pathTemplate);
    }
    contract.responseValidators.set(callKey, validate);
  }
  return run(validate, body);
}

export function checkRequest(
  api: StreetManagerApi,
  method: string,
  pathTemplate: string,
  body: unknown,
): ContractCheck {
  return check(
    api,
    'request',
    method,
    pathTemplate,
    (op) => ({ key: 'request', schema: op.requestBody?.content?.['application/json']?.schema }),
    body,
  );
}

/**
 * A query string as Street Manager would read it: only the parameters the operation declares, each of its type
 * (numbers and booleans arrive as text), required ones present. Values are coerced as a server would before checking.
 */
export function checkQuery(
  api: StreetManagerApi,
  method: string,
  pathTemplate: string,
  query: Record<string, string | string[] | undefined>,
): ContractCheck {
  const contract = contractFor(api);
  const op = contract.byKey.get(`${method.toUpperCase()} ${pathTemplate}`);
  if (!op) {
    return {
      valid: false,
      errors: [`no operation ${method.toUpperCase()} ${pathTemplate} in the ${api} spec`],
    };
  }
  const declared = (op.operation.parameters ?? []).filter((p) => p.in === 'query');
  const errors: string[] = [];
  for (const name of Object.keys(query)) {
    if (query[name] !== undefined && !declared.some((p) => p.name === name)) {
      errors.push(`query ${name} is not a parameter of ${method.toUpperCase()} ${pathTemplate}`);
    }
  }
  for (const param of declared) {
    const raw = query[param.name];
    if (raw === undefined) {
      if (param.required) {
        errors.push(`query must have required parameter ${param.name}`);
      }
      continue;
    }
    const result = check(
      api,
      'request',
      method,
      pathTemplate,
      () => ({ key: `query ${param.name}`, schema: param.schema }),
      coerce(raw, param.schema, contract),
    );
    errors.push(...result.errors.map((e) => `query ${param.name}${e.replace(/^\(root\)/, '')}`));
  }
  return errors.length > 0 ? { valid: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) } : VALID;
}

function coerce(raw: string | string[], schema: unknown, contract: ApiContract): unknown {
  const s = (schema ?? {}) as { type?: string; items?: unknown };
  if (s.type === 'array') {
    return (Array.isArray(raw) ? raw : [raw]).map((v) => coerceScalar(v, s.items, contract));
  }
  return coerceScalar(Array.isArray(raw) ? raw[raw.length - 1] : raw, schema, contract);
}

function coerceScalar(value: string, schema: unknown, contract: ApiContract): unknown {
  let s = (schema ?? {}) as { type?: string; $ref?: string };
  if (s.$ref) {
    s = contract.schemas[s.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  if ((s.type === 'number' || s.type === 'integer') && value !== '' && Number.isFinite(Number(value))) {
    return Number(value);
  }
  if (s.type === 'boolean' && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  return value;
}

function check(
  api: StreetManagerApi,
  reading: ContractReading,
  method: string,
  pathTemplate: string,
  pick: (op: OpenApiOperation) => { key: string; schema: unknown },
  body: unknown,
): ContractCheck {
  const contract = contractFor(api);
  const validate = validatorFor(contract, reading, method.toUpperCase(), pathTemplate, pick);
  if (validate === undefined) {
    return noOperation(api, method, pathTemplate);
  }
  return run(validate, body);
}

/** The compiled validator of one body of an operation (null: no schema); undefined when the spec has no such operation. */
function validatorFor(
  contract: ApiContract,
  reading: ContractReading,
  upper: string,
  pathTemplate: string,
  pick: (op: OpenApiOperation) => { key: string; schema: unknown },
): ValidateFunction | null | undefined {
  const op = contract.byKey.get(`${upper} ${pathTemplate}`);
  if (!op) {
    return undefined;
  }
  const { key, schema } = pick(op.operation);
  const cacheKey = `${reading} ${upper} ${pathTemplate} ${key}`;
  let validate = contract.validators.get(cacheKey);
  if (validate === undefined) {
    validate =
      schema === undefined
        ? null
        : registry(contract, reading).compile(
            toJsonSchema(schema, contract.refBase, READINGS[reading]) as object,
          );
    contract.validators.set(cacheKey, validate);
  }
  return validate;
}

function run(validate: ValidateFunction | null, body: unknown): ContractCheck {
  if (validate === null || validate(body)) {
    return VALID;
  }
  const errors = (validate.errors ?? [])
    .slice(0, MAX_REPORTED_ERRORS)
    .map(
      (e) =>
        `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`,
    );
  return { valid: false, errors };
}

function noOperation(api: StreetManagerApi, method: string, pathTemplate: string): ContractCheck {
  return {
    valid: false,
    errors: [`no operation ${method.toUpperCase()} ${pathTemplate} in the ${api} spec`],
  };
}

/** Whether the operation's request body has a property of this name (resolving a top-level `$ref`); cached. */
export function requestTakes(
  api: StreetManagerApi,
  method: string,
  pathTemplate: string,
  property: string,
): boolean {
  const contract = contractFor(api);
  const key = `${method.toUpperCase()} ${pathTemplate} takes ${property}`;
  let takes = contract.takes.get(key);
  if (takes === undefined) {
    let schema = contract.byKey.get(`${method.toUpperCase()} ${pathTemplate}`)?.operation.requestBody
      ?.content?.['application/json']?.schema as
      { $ref?: string; properties?: Record<string, unknown> } | undefined;
    if (schema?.$ref) {
      schema = contract.schemas[schema.$ref.replace('#/components/schemas/', '')] as typeof schema;
    }
    takes = schema?.properties?.[property] !== undefined;
    contract.takes.set(key, takes);
  }
  return takes;
}

/**
 * Compiles the validators of the given operations now rather than on their first call: the work API's
 * WorkResponse takes about a second to compile, which a caller should pay at boot, not on a request.
 */
export function precompile(
  api: StreetManagerApi,
  operations: { method: string; pathTemplate: string; status?: number }[],
): void {
  for (const op of operations) {
    checkResponse(api, op.method, op.pathTemplate, op.status ?? 200, undefined);
  }
}
