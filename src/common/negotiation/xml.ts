import { XMLBuilder } from 'fast-xml-parser';

/*
 * The XML rendering of a JSON body, one rule set for every resource (documented in the README):
 * - a declaration, UTF-8, no attributes, no namespaces; the root element is named for the resource;
 * - an object property is an element of the same name; a string, number or boolean its text; null an empty element;
 * - an array property is a wrapper element of the property's name holding one element per item, named with the
 *   singular of the property (`results` → `result`, `links` → `link`, `activities` → `activity`), or
 *   `<name>Item` when no singular can be told (`data` → `dataItem`); an array inside an array uses `item`;
 * - a name that is not a valid XML name has each invalid character replaced by `_`, and is prefixed with `_`
 *   when it starts with something other than a letter or `_`, or with `xml` in any case.
 */

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  processEntities: true,
});

// XML 1.0 cannot carry these characters at all, escaped or not.
// eslint-disable-next-line no-control-regex
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const INVALID_NAME_CHARS = /[^A-Za-z0-9_.-]/g;

export function xmlName(name: string): string {
  let safe = name.replace(INVALID_NAME_CHARS, '_');
  if (safe === '' || !/^[A-Za-z_]/.test(safe) || /^xml/i.test(safe)) {
    safe = `_${safe}`;
  }
  return safe;
}

export function singular(name: string): string {
  if (/[^aeiou]ies$/.test(name)) {
    return `${name.slice(0, -3)}y`;
  }
  if (/(ss|x|ch|sh)es$/.test(name)) {
    return name.slice(0, -2);
  }
  if (/[^su]s$/.test(name)) {
    return name.slice(0, -1);
  }
  return `${name}Item`;
}

type Node = string | number | boolean | NodeObject | NodeObject[] | (string | number | boolean)[];
interface NodeObject {
  [name: string]: Node;
}

function toNode(value: unknown, itemName: string): Node | undefined {
  if (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  if (value === null) {
    return '';
  }
  switch (typeof value) {
    case 'string':
      return value.replace(INVALID_XML_CHARS, '');
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      return Array.isArray(value) ? arrayNode(value, itemName) : objectNode(value as Record<string, unknown>);
    default:
      return undefined; // undefined, functions and symbols are absent from JSON too
  }
}

function objectNode(value: Record<string, unknown>): NodeObject {
  const node: NodeObject = {};
  for (const [key, child] of Object.entries(value)) {
    const name = xmlName(key);
    const rendered = toNode(child, singular(name));
    if (rendered !== undefined) {
      node[name] = rendered;
    }
  }
  return node;
}

function arrayNode(items: unknown[], itemName: string): NodeObject | '' {
  const rendered = items.map((item) => toNode(item, 'item') ?? '');
  return rendered.length === 0 ? '' : { [itemName]: rendered as NodeObject[] };
}

/** Renders a JSON-shaped value as a complete XML document whose root element is `rootName`. */
export function toXml(body: unknown, rootName: string): string {
  const root = xmlName(rootName);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    [root]: toNode(body, singular(root)) ?? '',
  };
  return builder.build(document);
}

/**
 * The root element for a route pattern: its last fixed segment, in camelCase, singular when the route ends in a
 * parameter (`/v1/works` → `works`, `/v1/works/:ref` → `work`, `/v1/fixed-penalty-notices/:id` →
 * `fixedPenaltyNotice`).
 */
export function xmlRootForRoute(routePattern: string | undefined): string {
  const segments = (routePattern ?? '').split('/').filter(Boolean);
  const endsWithParam = segments.at(-1)?.startsWith(':') ?? false;
  const last = [...segments].reverse().find((s) => !s.startsWith(':') && !/^v\d+$/.test(s));
  if (!last) {
    return 'response';
  }
  const camel = last.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  if (!endsWithParam) {
    return camel;
  }
  const one = singular(camel);
  return one.endsWith('Item') ? camel : one;
}
