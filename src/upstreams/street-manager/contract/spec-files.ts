import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export type StreetManagerApi = 'work' | 'reporting' | 'party' | 'lookup' | 'geojson';

/** The reporting spec refers to enums it never defines; the patched copy fills them in (see the specs' README). */
const SPEC_FILES: Record<StreetManagerApi, string> = {
  work: 'work-swagger.json',
  reporting: 'reporting-swagger.patched.json',
  party: 'party-swagger.json',
  lookup: 'lookup-swagger.json',
  geojson: 'geojson-swagger.json',
};

export interface OpenApiOperation {
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
  const file = join(findProjectRoot(), 'openapi', 'upstream', 'street-manager', SPEC_FILES[api]);
  return JSON.parse(readFileSync(file, 'utf8')) as OpenApiSpec;
}
