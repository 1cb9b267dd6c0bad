import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { SYSTEM_CLOCK } from '../common/clock';
import {
  checkQuery,
  checkRequest,
  checkResponse,
  type ContractCheck,
  type StreetManagerApi,
} from '../upstreams/street-manager/contract/street-manager-contract';
import { ORGANISATIONS } from './data/organisations';
import { registerAdminRoutes } from './routes/admin.routes';
import {
  registerSnsNotifications,
  sandboxSnsUrlPattern,
  sandboxTopicArn,
} from './notifications/sns-notifications';
import { registerEventRoutes } from './routes/event.routes';
import { registerGeojsonRoutes } from './routes/geojson.routes';
import { registerWorklistRoutes } from './routes/worklist.routes';
import { registerInnerRoutes, INNER_CLIENT } from './routes/inner.routes';
import { registerLookupRoutes } from './routes/lookup.routes';
import { registerPartyRoutes } from './routes/party.routes';
import { registerReportingRoutes } from './routes/reporting.routes';
import { registerWorkRoutes } from './routes/work.routes';
import { SandboxAuth, type SessionUser } from './sandbox-auth';
import {
  API_BASES,
  SmError,
  smErrorBody,
  type Handler,
  type Query,
  type RouteConfig,
  type SandboxContext,
} from './sandbox-context';
import { SandboxFaults, spoil, type FaultRule } from './sandbox-faults';
import { SandboxState } from './sandbox-state';
import { SandboxStats } from './sandbox-stats';
import type { RunningSandbox, SandboxOptions } from './sandbox.types';

const DAY_MS = 86_400_000;
const users = new WeakMap<FastifyRequest, SessionUser>();

/**
 * Starts a stateful Street Manager V6 sandbox (plus an inner "works register" API and its token endpoint) on a
 * loopback port. Plain Fastify, no Nest: it starts in milliseconds and runs in-process or alone (standalone.ts).
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const referenceTime =
    options.referenceTime !== undefined
      ? new Date(options.referenceTime).getTime()
      : Math.floor(clock.now() / DAY_MS) * DAY_MS;
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  const state = new SandboxState(options.seed ?? 1, options.works ?? 600, referenceTime);
  const auth = new SandboxAuth(
    options.tokenLifetimeSeconds ?? 3600,
    options.refreshTokenLifetimeSeconds ?? 86_400,
    'street-manager-sandbox',
    clock,
  );
  const faults = new SandboxFaults();
  const stats = new SandboxStats();
  for (const rule of options.faults ?? []) {
    faults.set(rule, 0);
  }

  const ctx: SandboxContext = {
    app,
    clock,
    state,
    auth,
    faults,
    stats,
    route(method, api, template, kind, handler) {
      const url = API_BASES[api] + template.replace(/\{(\w+)\}/g, ':$1');
      const config: RouteConfig = { api, kind, template };
      app.route({ method, url, config, handler: adapt(handler) });
    },
  };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = routeConfig(request);
    const api = config?.api ?? apiFromUrl(request.url);
    if (api in stats.requests) {
      stats.requests[api] += 1;
    }
    if (!config || config.kind === 'admin') {
      return;
    }
    if (config.kind === 'auth') {
      if (faults.authOutage(api)) {
        return sendError(reply, 503, 'Service unavailable');
      }
      return;
    }
    const latency = faults.latencyMs(api);
    if (latency > 0) {
      await clock.sleep(latency);
    }
    const decision = faults.beforeCall(api);
    if (decision) {
      if (decision.retryAfterSeconds !== undefined) {
        void reply.header('retry-after', String(decision.retryAfterSeconds));
      }
      return sendError(reply, decision.status, decision.message);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const config = routeConfig(request);
    if (!config || !(config.api in API_BASES)) {
      return;
    }
    const api = config.api as StreetManagerApi;
    if (config.kind === 'data') {
      const header = request.headers.token;
      const verified = typeof header === 'string' ? auth.verify(header) : undefined;
      if (!verified) {
        return sendError(reply, 401, 'Authentication failed');
      }
      const decision = faults.afterAuthentication(api, verified.seq);
      if (decision) {
        return sendError(reply, decision.status, decision.message);
      }
      users.set(request, verified.user);
    }
    if (config.kind === 'status') {
      return; // `/status` is not in the files (it needs no token and answers an empty 200)
    }
    const operation = `${api} ${request.method} ${config.template}`;
    stats.operations[operation] = (stats.operations[operation] ?? 0) + 1;
    // Requests are read as Street Manager reads them, against the same V6 files the gateway's checker uses.
    const result =
      request.method === 'POST' || request.method === 'PUT'
        ? mergeChecks(
            checkQuery(api, request.method, config.template, request.query as Query),
            checkRequest(api, request.method, config.template, request.body),
          )
        : checkQuery(api, request.method, config.template, request.query as Query);
    if (!result.valid) {
      stats.contractViolations.push({
        kind: 'request',
        api,
        method: request.method,
        path: config.template,
        errors: result.errors,
        at: new Date().toISOString(),
      });
      return sendError(
        reply,
        400,
        `Request does not match the Street Manager contract: ${result.errors.join('; ')}`,
      );
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const config = routeConfig(request);
    const kind =
      config && config.kind === 'data' && typeof payload === 'string' && reply.statusCode < 300
        ? faults.malformed(config.api)
        : undefined;
    const sent = kind ? spoil(payload as string, kind) : payload;
    if (
      options.checkAnswers &&
      config &&
      config.api in API_BASES &&
      config.kind !== 'status' &&
      reply.statusCode < 300
    ) {
      checkAnswer(config, request.method, reply.statusCode, sent);
    }
    return sent;
  });

  app.addHook('onResponse', (request, _reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      state.version += 1;
    }
    done();
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error instanceof SmError) {
      return sendError(reply, error.status, error.message);
    }
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    return sendError(reply, status, status === 500 ? 'Internal server error' : 'Bad request');
  });
  app.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'Not found'));

  for (const api of Object.keys(API_BASES) as StreetManagerApi[]) {
    ctx.route('GET', api, '/status', 'status', () => ({ status: 200 }));
  }
  registerWorkRoutes(ctx);
  registerReportingRoutes(ctx);
  registerPartyRoutes(ctx);
  registerLookupRoutes(ctx);
  registerGeojsonRoutes(ctx);
  registerEventRoutes(ctx);
  registerWorklistRoutes(ctx);
  const inner = registerInnerRoutes(ctx, options.innerTokenLifetimeSeconds ?? 3600);
  registerAdminRoutes(ctx);
  registerSnsNotifications(ctx);

  const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const url = address.replace('://localhost', '://127.0.0.1');
  inner.setOrigin(url);
  return {
    url,
    baseUrls: Object.fromEntries(
      Object.entries(API_BASES).map(([api, base]) => [api, url + base]),
    ) as RunningSandbox['baseUrls'],
    inner: {
      worksRegisterUrl: `${url}/inner/works-register`,
      worksRegisterOrganisations: ['7374'],
      tokenUrl: `${url}/oauth2/v2.0/token`,
      clientId: INNER_CLIENT.clientId,
      clientSecret: INNER_CLIENT.clientSecret,
      scope: INNER_CLIENT.scope,
    },
    sns: { topicArn: sandboxTopicArn, urlPattern: sandboxSnsUrlPattern(url) },
    users: ORGANISATIONS.map((o) => ({
      email: o.email,
      password: o.password,
      organisationSwaCode: o.swaCode,
      organisationName: o.name,
      organisationType: o.type,
    })),
    close: () => app.close(),
  };

  function checkAnswer(config: RouteConfig, method: string, status: number, payload: unknown): void {
    let body: unknown;
    try {
      body = typeof payload === 'string' && payload.length > 0 ? (JSON.parse(payload) as unknown) : undefined;
    } catch {
      stats.contractViolations.push({
        kind: 'answer',
        api: config.api,
        method,
        path: config.template,
        errors: ['(root) is not JSON'],
        at: new Date().toISOString(),
      });
      return;
    }
    const result = checkResponse(
      config.api as StreetManagerApi,
      method,
      config.template,
      status,
      body,
      'response-strict',
    );
    if (!result.valid) {
      stats.contractViolations.push({
        kind: 'answer',
        api: config.api,
        method,
        path: config.template,
        errors: result.errors,
        at: new Date().toISOString(),
      });
    }
  }

  function adapt(handler: Handler) {
    return async (request: FastifyRequest, reply: FastifyReply) => {
      const result = await handler({
        params: request.params as Record<string, string>,
        query: request.query as Query,
        body: request.body,
        user: users.get(request)!,
        raw: request,
      });
      void reply.code(result.status);
      for (const [name, value] of Object.entries(result.headers ?? {})) {
        void reply.header(name, value);
      }
      return result.body === undefined ? reply.send() : reply.send(result.body);
    };
  }
}

export type { FaultRule };

function routeConfig(request: FastifyRequest): RouteConfig | undefined {
  const config = request.routeOptions.config as Partial<RouteConfig> | undefined;
  return config && typeof config.api === 'string' ? (config as RouteConfig) : undefined;
}

function apiFromUrl(url: string): string {
  const match = /^\/v\d+\/(\w+)/.exec(url);
  return match ? match[1] : url.startsWith('/inner') ? 'inner' : 'other';
}

function mergeChecks(a: ContractCheck, b: ContractCheck): ContractCheck {
  return { valid: a.valid && b.valid, errors: [...a.errors, ...b.errors] };
}

function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply
    .code(status)
    .header('content-type', 'application/json; charset=utf-8')
    .send(smErrorBody(status, message));
}
