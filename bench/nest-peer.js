'use strict';
// A "typical NestJS gateway" (issue 11), written the usual way, as the peer the gateway is measured against:
// NestJS on the Fastify adapter, helmet, @nestjs/throttler's ThrottlerGuard with its default in-memory storage and a
// 60 s window, a header API-key guard, one controller calling the sandbox with undici and mapping snake_case keys to
// camelCase. Plain JavaScript with the decorators applied by hand, so the bench needs no build step of its own.
//   node bench/nest-peer.js <upstream> <port> <email> <password> <api-key>
require('reflect-metadata');
const { Controller, Get, Injectable, Module, Param, UnauthorizedException } = require('@nestjs/common');
const { APP_GUARD, NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { ThrottlerGuard, ThrottlerModule } = require('@nestjs/throttler');
const helmet = require('helmet');
const { Pool } = require('undici');

const [, , upstream, portArg, email, password, apiKey] = process.argv;
const pool = new Pool(upstream, { connections: 128, pipelining: 1 });
const session = { token: '' };

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

class ApiKeyGuard {
  canActivate(context) {
    if (context.switchToHttp().getRequest().headers['ocp-apim-subscription-key'] !== apiKey) {
      throw new UnauthorizedException();
    }
    return true;
  }
}
Injectable()(ApiKeyGuard);

class WorksController {
  async work(ref) {
    const get = () =>
      pool.request({
        path: `/v6/work/works/${encodeURIComponent(ref)}`,
        method: 'GET',
        headers: { token: session.token },
      });
    let res = await get();
    if (res.statusCode === 401) {
      // the sandbox's token expired (runs longer than its lifetime): sign in again, once for all callers
      await res.body.dump();
      await (session.signingIn ??= signIn().finally(() => (session.signingIn = undefined)));
      res = await get();
    }
    return mapKeys(await res.body.json());
  }
}
Controller('v1/works')(WorksController);
Reflect.decorate(
  [Get(':ref')],
  WorksController.prototype,
  'work',
  Object.getOwnPropertyDescriptor(WorksController.prototype, 'work'),
);
Param('ref')(WorksController.prototype, 'work', 0);

class PeerModule {}
Module({
  imports: [ThrottlerModule.forRoot([{ ttl: 60_000, limit: 100_000_000 }])],
  controllers: [WorksController],
  providers: [
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: ThrottlerGuard },
  ],
})(PeerModule);

async function signIn() {
  const login = await pool.request({
    path: '/v6/work/authenticate',
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emailAddress: email, password }),
  });
  session.token = (await login.body.json()).idToken;
}

async function main() {
  await signIn();
  const app = await NestFactory.create(PeerModule, new FastifyAdapter(), { logger: ['error'] });
  const fastify = app.getHttpAdapter().getInstance();
  const headers = helmet();
  fastify.addHook('onRequest', (req, reply, done) => headers(req.raw, reply.raw, done));
  await app.listen(Number(portArg), '127.0.0.1');
  process.stdout.write('ready\n');
}
main().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(1);
});
