import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/* scripts/folder-cycles.mjs (part of `npm run lint`): no two folders of src/ import each other, directly or not. */
const SCRIPT = join(__dirname, '..', '..', 'scripts', 'folder-cycles.mjs');

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'folder-cycles-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function run(root?: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [SCRIPT, ...(root ? [root] : [])], { encoding: 'utf8' });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe('folder cycles', () => {
  it('src/ has none', () => {
    expect(run()).toEqual({ status: 0, output: 'folder cycles: none\n' });
  });

  it('reports a cycle through a third folder, type-only imports included, naming one import per edge', () => {
    const root = tree({
      'a/one.ts': "import { two } from '../b/two';\nexport const one = two;\n",
      'b/two.ts': "import type { Three } from '../upstreams/c/three';\nexport const two = 2 as Three;\n",
      'upstreams/c/three.ts': "import { one } from '../../a/one';\nexport type Three = typeof one;\n",
      'upstreams/d/alone.ts': "import { two } from '../../b/two';\nexport const alone = two;\n",
    });
    try {
      expect(run(root)).toEqual({
        status: 1,
        output:
          'folder cycle: a ↔ b ↔ upstreams/c\n' +
          '  a → b: a/one.ts → ../b/two\n' +
          '  b → upstreams/c: b/two.ts → ../upstreams/c/three\n' +
          '  upstreams/c → a: upstreams/c/three.ts → ../../a/one\n',
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('lets common name the caller type (type-only), not import it at run time', () => {
    const files = {
      'auth/caller.ts':
        'export interface Caller { id: string }\nexport const ANONYMOUS: Caller = { id: "" };\n',
      'auth/guard.ts': "import { kit } from '../common/kit';\nexport const guard = kit;\n",
      'common/kit.ts':
        "import type { Caller } from '../auth/caller';\nexport const kit = (c: Caller) => c.id;\n",
    };
    const typeOnly = tree(files);
    const runtime = tree({
      ...files,
      'common/kit.ts':
        "import { ANONYMOUS } from '../auth/caller';\nexport const kit = () => ANONYMOUS.id;\n",
    });
    try {
      expect(run(typeOnly)).toEqual({ status: 0, output: 'folder cycles: none\n' });
      expect(run(runtime).status).toBe(1);
    } finally {
      rmSync(typeOnly, { recursive: true, force: true });
      rmSync(runtime, { recursive: true, force: true });
    }
  });
});
