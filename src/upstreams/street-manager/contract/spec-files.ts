import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The Street Manager APIs the gateway calls (V6); each is one file in openapi/upstream/street-manager/v6. */
export const STREET_MANAGER_CONTRACT_APIS = [
  'work',
  'reporting',
  'party',
  'lookup',
  'geojson',
  'event',
  'worklist',
] as const;
export type StreetManagerApi = (typeof STREET_MANAGER_CONTRACT_APIS)[number];

/** The one contract version the gateway and the sandbox speak (see v6-assumptions.ts for what the files cannot say). */
export const STREET_MANAGER_CONTRACT_VERSION = 'v6';

export function specFile(api: StreetManagerApi): string {
  return join(
    findProjectRoot(),
    'openapi',
    'upstream',
    'street-manager',
    STREET_MANAGER_CONTRACT_VERSION,
    `${api}-openapi.json`,
  );
}

export interface OpenApiOperation {
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export interface OpenApiSpec {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, unknown> };
}

let projectRoot: string | undefined;

/** Walks up to package.json, so the same code finds the specs from src/ (ts-jest) and from dist/ (node). */
export function findProjectRoot(start: string = __dirname): string {
  if (projectRoot) {
    return projectRoot;
  }
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error('streetworks-gateway: package.json not found above ' + start);
    }
    dir = parent;
  }
  projectRoot = dir;
  return dir;
}

export function loadSpec(api: StreetManagerApi): OpenApiSpec {
  return JSON.parse(readFileSync(specFile(api), 'utf8')) as OpenApiSpec;
}
