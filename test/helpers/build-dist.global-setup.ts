import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Jest globalSetup of the e2e project: the scale-out suites run the built gateway (`node dist/main.js`) and sandbox
 * as separate processes, so dist/ must match src/. Compiles once (tsc -p tsconfig.build.json) when dist/ is missing or
 * older than any source file, and only when the run includes those suites (a run filtered to other paths skips it).
 */
const ROOT = join(__dirname, '..', '..');
const ENTRY_POINTS = ['dist/main.js', 'dist/sandbox/standalone.js'];

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestSourceMs(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

const SPECS_RUNNING_DIST = [
  'test/scale-out/multi-instance.e2e-spec.ts',
  'test/upstreams/production-boot.e2e-spec.ts',
];

function runIncludesScaleOut(globalConfig: { testPathPattern?: string }): boolean {
  const pattern = globalConfig.testPathPattern ?? '';
  if (pattern === '') {
    return true;
  }
  try {
    const matcher = new RegExp(pattern, 'i');
    return SPECS_RUNNING_DIST.some((spec) => matcher.test(spec));
  } catch {
    return true;
  }
}

export default function buildDist(globalConfig: { testPathPattern?: string }): void {
  if (!runIncludesScaleOut(globalConfig)) {
    return;
  }
  const builtAt = Math.min(
    ...ENTRY_POINTS.map((p) => (existsSync(join(ROOT, p)) ? statSync(join(ROOT, p)).mtimeMs : 0)),
  );
  if (builtAt >= newestSourceMs(join(ROOT, 'src'))) {
    return;
  }
  process.stderr.write(
    '\nscale-out e2e: dist/ is older than src/, compiling (tsc -p tsconfig.build.json)...\n',
  );
  const result = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) {
    throw new Error(
      `npm run build failed; the scale-out suites need dist/:\n${result.stdout}${result.stderr}`,
    );
  }
}
