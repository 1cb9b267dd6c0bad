'use strict';
// The floor of real facade work (PERFORMANCE.md): node:http + undici + parse, camelCase, serialise.
// Logs in to the sandbox (again when its token expires), then maps GET /works/:ref and GET /works (reporting list) with no policies at all.
const http = require('node:http');
const { Pool } = require('undici');

const [, , upstream, portArg, email, password] = process.argv;
const pool = new Pool(upstream, { connections: 128, pipelining: 1 });

const camel = (k) => k.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
function mapKeys(v) {
  if (Array.isArray(v)) return v.map(mapKeys);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v)) out[camel(k)] = mapKeys(v[k]);
    return out;
  }
  return v;
}

async function call(path, token, method = 'GET', body) {
  const res = await pool.request({
    path,
    method,
    headers: { 'content-type': 'application/json', ...(token ? { token } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.statusCode, body: await res.body.json().catch(() => null) };
}

let token;
let signingIn;
async function signIn() {
  const auth = await call('/v6/work/authenticate', undefined, 'POST', { emailAddress: email, password });
  if (auth.status !== 200) throw new Error(`login failed: ${auth.status}`);
  token = auth.body.idToken;
}

// Signs in again when the sandbox's token has expired (runs longer than its lifetime), once for all callers.
async function callSignedIn(path) {
  const r = await call(path, token);
  if (r.status !== 401) return r;
  await (signingIn ??= signIn().finally(() => (signingIn = undefined)));
  return call(path, token);
}

async function main() {
  await signIn();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const one = /^\/works\/([^/]+)$/.exec(url.pathname);
    const path = one
      ? `/v6/work/works/${one[1]}`
      : url.pathname === '/works'
        ? `/v6/reporting/permits${url.search}`
        : null;
    if (!path) {
      res.statusCode = 404;
      return res.end();
    }
    callSignedIn(path).then(
      (r) => {
        const payload = JSON.stringify(mapKeys(r.body));
        res.writeHead(r.status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        });
        res.end(payload);
      },
      () => {
        res.statusCode = 502;
        res.end();
      },
    );
  });
  server.listen(Number(portArg), '127.0.0.1', () => process.stdout.write('ready\n'));
}
main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
