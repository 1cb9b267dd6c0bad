/** Reading the live /v1/openapi.json the way Swagger UI does: operations, their parameter examples, body examples. */
import { Permission } from '../../../src/auth/permissions';
import { DEFAULT_SANDBOX_KEYS } from '../../../src/config/auth.config';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  schema?: { example?: unknown; type?: string };
  $ref?: string;
}

export interface Operation {
  operationId?: string;
  'x-permission'?: string;
  'x-organisation-kinds'?: string[];
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; parameters?: Record<string, Parameter> };
};

export interface DocumentedOperation {
  method: string;
  path: string;
  operation: Operation;
}

export function operations(document: OpenApi, methods: string[]): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => methods.includes(method))
      .map(([method, operation]) => ({ method, path, operation })),
  );
}

function resolve(document: OpenApi, parameter: Parameter): Parameter {
  return parameter.$ref
    ? (document.components.parameters?.[parameter.$ref.split('/').pop() as string] as Parameter)
    : parameter;
}

/** A parameter's example as Swagger UI prefills it: the parameter's own, else its schema's. */
function exampleOf(parameter: Parameter): unknown {
  return parameter.example ?? parameter.schema?.example;
}

/**
 * The URL Swagger UI's Try it out builds from what it prefills: every path parameter and every query parameter that
 * has an example (arrays as repeated keys, its default `form` + `explode` style). Missing path examples throw.
 */
export function exampleUrl(document: OpenApi, op: DocumentedOperation): string {
  const parameters = (op.operation.parameters ?? []).map((p) => resolve(document, p));
  let path = op.path;
  const query = new URLSearchParams();
  for (const parameter of parameters) {
    const example = exampleOf(parameter);
    if (parameter.in === 'path') {
      if (example === undefined) {
        throw new Error(
          `${op.method.toUpperCase()} ${op.path}: path parameter ${parameter.name} has no example`,
        );
      }
      path = path.replace(`{${parameter.name}}`, encodeURIComponent(`${example as string | number}`));
    } else if (parameter.in === 'query' && example !== undefined) {
      for (const value of Array.isArray(example) ? example : [example]) {
        query.append(parameter.name, String(value));
      }
    }
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** The documented example body of a write (the request body's `example`). */
export function exampleBody(op: DocumentedOperation): unknown {
  return op.operation.requestBody?.content?.['application/json']?.example;
}

/**
 * The sandbox demo key Try it out needs for an operation: the unbound demo key acts as promoter 7374 in Street
 * Manager, so highway-authority writes (x-permission) and authority worklists (x-organisation-kinds) take the
 * authority demo key (4720).
 */
export function sandboxKeyFor(op: DocumentedOperation): Record<string, string> {
  const kinds = op.operation['x-organisation-kinds'];
  const authority =
    op.operation['x-permission'] === Permission.AUTHORITY_WRITE ||
    (kinds !== undefined && !kinds.includes('promoter'));
  return {
    'Ocp-Apim-Subscription-Key': authority ? DEFAULT_SANDBOX_KEYS.authority : DEFAULT_SANDBOX_KEYS.demo,
  };
}
