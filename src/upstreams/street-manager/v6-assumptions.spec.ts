import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { V6_ASSUMPTIONS } from './v6-assumptions';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the V6 assumption list', () => {
  it('has unique ids, each with a topic, an assumption and its basis', () => {
    const ids = V6_ASSUMPTIONS.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of V6_ASSUMPTIONS) {
      expect(a.id).toMatch(/^V6-A\d+$/);
      expect([a.topic.length > 0, a.assumption.length > 20, a.basis.length > 0]).toEqual([true, true, true]);
    }
  });

  it('holds every assumption the code refers to (V6-An in a comment)', () => {
    const known = new Set(V6_ASSUMPTIONS.map((a) => a.id));
    const referred = new Set(
      sources(join(__dirname, '..', '..')).flatMap(
        (file) => readFileSync(file, 'utf8').match(/V6-A\d+/g) ?? [],
      ),
    );
    expect([...referred].filter((id) => !known.has(id))).toEqual([]);
    expect(referred.size).toBeGreaterThan(10);
  });
});
