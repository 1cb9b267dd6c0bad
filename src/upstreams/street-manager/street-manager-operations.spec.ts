import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRequest, checkResponse, matchOperation } from './contract/street-manager-contract';
import { STREET_MANAGER_OPERATIONS } from './street-manager-operations';
import { WORKLIST_SIDES } from './worklist-api.client';

describe('the list of Street Manager operations the gateway calls', () => {
  it('names only operations that exist in the V6 files', () => {
    for (const op of STREET_MANAGER_OPERATIONS) {
      expect({
        op,
        found: matchOperation(op.api, op.method, op.pathTemplate.replace(/\{\w+\}/g, 'X')),
      }).toEqual({ op, found: { pathTemplate: op.pathTemplate } });
      expect(checkResponse(op.api, op.method, op.pathTemplate, 200, undefined).errors.join()).not.toMatch(
        /no operation/,
      );
      expect(checkRequest(op.api, op.method, op.pathTemplate, {}).errors.join()).not.toMatch(/no operation/);
    }
  });

  it('holds every operation a client or the sessions call, and nothing else', () => {
    const dir = __dirname;
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.client.ts') || f === 'street-manager-session.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'))
      .join('\n');
    const called = new Set<string>();
    // `api: 'x', ... method: 'Y', pathTemplate: '/z'` within one request literal
    for (const m of sources.matchAll(/api: '(\w+)',[^}]*?method: '(\w+)',[^}]*?pathTemplate:\s*'([^']+)'/g)) {
      called.add(`${m[1]} ${m[2]} ${m[3]}`);
    }
    for (const m of sources.matchAll(/writeOnWork<\w+>\(\s*caller,\s*'\w+',\s*'(\w+)',\s*'([^']+)'/g)) {
      called.add(`work ${m[1]} ${m[2]}`);
    }
    // the generic list methods: reporting lists by path, worklists by path
    for (const m of sources.matchAll(/^ {2}'(\/[\w-]+)': \{\s*query:/gm)) {
      called.add(`reporting GET ${m[1]}`);
    }
    for (const path of Object.keys(WORKLIST_SIDES)) {
      called.add(`worklist GET ${path}`);
    }
    const listed = new Set(STREET_MANAGER_OPERATIONS.map((o) => `${o.api} ${o.method} ${o.pathTemplate}`));
    const sessions = ['work POST /authenticate', 'party POST /refresh', 'party POST /logout'];
    expect([...called].filter((c) => !listed.has(c))).toEqual([]);
    expect([...listed].filter((l) => !called.has(l) && !sessions.includes(l))).toEqual([]);
  });
});
