import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { toJsonSchema } from './openapi-to-json-schema';
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

interface ApiContract {
  ajv: Ajv;
  refBase: string;
  operations: OperationEntry[];
  byKey: Map<string, OperationEntry>;
  /** null = the spec has no schema here, so anything is valid */
  validators: Map<string, ValidateFunction | null>;
}

const MAX_REPORTED_ERRORS = 10;
const valid = (): ContractCheck => ({ valid: true, errors: [] });
const contracts = new Map<StreetManagerApi, ApiContract>();

/** Specs load and schemas compile on first use, once per API and operation: checks sit on the gateway's hot path. */
function contractFor(api: StreetManagerApi): ApiContract {
  let contract = contracts.get(api);
  if (contract) {
    return contract;
  }
  const spec = loadSpec(api);
  const refBase = `street-manager-${api}`;
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  const definitions = Object.fromEntries(
    Object.entries(spec.components?.schemas ?? {}).map(([name, schema]) => [name, toJsonSchema(schema, refBase)]),
  );
  ajv.addSchema({ $id: refBase, definitions }, refBase);
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
  contract = { ajv, refBase, operations, byKey, validators: new Map() };
  contracts.set(api, contract);
  return contract;
}

function isParam(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}');
}

/** Finds the spec operation for a concrete path relative to the API base, e.g. `/works/ABC123`. */
export function matchOperation(api: StreetManagerApi, method: string, concretePath: string): { pathTemplate: string } | undefined {
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

export function checkResponse(api: StreetManagerApi, method: string, pathTemplate: string, status: number, body: unknown): ContractCheck {
  return check(api, `${method.toUpperCase()} ${pathTemplate} ${status}`, body, (op) => {
    const responses = op.responses ?? {};
    return (responses[String(status)] ?? responses.default)?.content?.['application/json']?.schema;
  });
}

export function checkRequest(api: StreetManagerApi, method: string, pathTemplate: string, body: unknown): ContractCheck {
  return check(api, `${method.toUpperCase()} ${pathTemplate} request`, body, (op) => op.requestBody?.content?.['application/json']?.schema);
}

function check(api: StreetManagerApi, cacheKey: string, body: unknown, pick: (op: OpenApiOperation) => unknown): ContractCheck {
  const contract = contractFor(api);
  let validate = contract.validators.get(cacheKey);
  if (validate === undefined) {
    const [method, pathTemplate] = cacheKey.split(' ');
    const op = contract.byKey.get(`${method} ${pathTemplate}`);
    if (!op) {
      return { valid: false, errors: [`no operation ${method} ${pathTemplate} in the ${api} spec`] };
    }
    const schema = pick(op.operation);
    validate = schema === undefined ? null : contract.ajv.compile(toJsonSchema(schema, contract.refBase) as object);
    contract.validators.set(cacheKey, validate);
  }
  if (validate === null || validate(body)) {
    return valid();
  }
  const errors = (validate.errors ?? [])
    .slice(0, MAX_REPORTED_ERRORS)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? `: ${String((e.params as { additionalProperty?: string }).additionalProperty)}` : ''}`);
  return { valid: false, errors };
}

/**
 * Compiles the validators of the given operations now rather than on their first call: the work API's
 * WorkResponse takes about a second to compile, which a caller should pay at boot, not on a request.
 */
export function precompile(api: StreetManagerApi, operations: { method: string; pathTemplate: string; status?: number }[]): void {
  for (const op of operations) {
    checkResponse(api, op.method, op.pathTemplate, op.status ?? 200, undefined);
  }
}
