/**
 * Turns an OpenAPI 3.0 schema from the Street Manager specs into JSON Schema that ajv understands.
 * - `nullable: true` becomes `anyOf [schema, null]` (ajv's own `nullable` needs a sibling `type`, which
 *   `allOf`-wrapped nullable references in these specs do not have);
 * - siblings of `$ref` are dropped, as OpenAPI 3.0 says (the reporting spec puts `type: array` beside object refs);
 * - an enum that lists `upcoming_enum` is open: Street Manager adds values in minor releases, so any string passes;
 *   with `openEnums` (response bodies) every enum is open, for the same reason (V6-A7 in v6-assumptions.ts);
 * - a string-typed enum of numbers (a defect of the rebuilt V6 files) accepts the numbers and their text;
 * - with `openObjects` (response bodies) `additionalProperties: false` is dropped: a field added upstream is no error;
 * - `#/components/schemas/X` references point into the schema registered under `refBase`.
 */
export interface SchemaOptions {
  /** every string enum accepts any string (response reading: Street Manager adds values in minor releases) */
  openEnums?: boolean;
  /** enums stay as written, `upcoming_enum` included (the strict reading of the sandbox's answers) */
  closedEnums?: boolean;
  /** `additionalProperties: false` is dropped (response reading: the V6 files' generator added it, not DfT) */
  openObjects?: boolean;
  /**
   * `nullable: true` beside a `type` becomes `type: [type, 'null']` (and `null` joins an enum) rather than an
   * `anyOf`: the same values pass, checked in one step instead of a union's error bookkeeping. Only the response
   * reading uses it; requests keep the `anyOf`, whose error messages the sandbox's 400s repeat.
   */
  nullableAsType?: boolean;
}

export function toJsonSchema(schema: unknown, refBase: string, options: SchemaOptions = {}): unknown {
  if (Array.isArray(schema)) {
    return schema.map((s) => toJsonSchema(s, refBase, options));
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const source = schema as Record<string, unknown>;
  if (typeof source.$ref === 'string') {
    return { $ref: rewriteRef(source.$ref, refBase) };
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (
      key === 'nullable' ||
      key === 'example' ||
      key === 'examples' ||
      key === 'xml' ||
      key === 'discriminator'
    ) {
      continue;
    }
    if (key === 'properties' && value && typeof value === 'object') {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, toJsonSchema(sub, refBase, options)]),
      );
    } else if (key === 'additionalProperties' && value === false && options.openObjects) {
      continue;
    } else if (key === 'items' || key === 'additionalProperties' || key === 'not') {
      out[key] = typeof value === 'object' ? toJsonSchema(value, refBase, options) : value;
    } else if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') {
      out[key] = toJsonSchema(value, refBase, options);
    } else {
      out[key] = value;
    }
  }
  if (Array.isArray(out.enum) && out.type === 'string' && out.enum.some((v) => typeof v === 'number')) {
    // The rebuilt files type some numeric code lists (reinstatement type 1..10, 999) as strings (V6-A18): accept
    // the codes as numbers, as V3.6 sent them, or as their text. (A nullable enum's `null` is no code.)
    const codes = out.enum as unknown[];
    out.enum = [...new Set([...codes, ...codes.filter((v) => typeof v === 'number').map(String)])];
    delete out.type;
  }
  if (
    Array.isArray(out.enum) &&
    !options.closedEnums &&
    (options.openEnums || out.enum.includes('upcoming_enum')) &&
    out.enum.every((v) => typeof v === 'string')
  ) {
    delete out.enum;
    out.type = 'string';
  }
  if (source.nullable !== true) {
    return out;
  }
  if (options.nullableAsType && typeof out.type === 'string' && out.const === undefined) {
    out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) {
      out.enum = [...(out.enum as unknown[]), null];
    }
    return out;
  }
  return { anyOf: [out, { type: 'null' }] };
}

function rewriteRef(ref: string, refBase: string): string {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? `${refBase}#/definitions/${ref.slice(prefix.length)}` : ref;
}
