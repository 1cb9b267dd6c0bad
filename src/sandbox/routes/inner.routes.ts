import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteConfig, SandboxContext } from '../sandbox-context';
import { signJwt, verifyJwt } from '../sandbox-jwt';

/** The one client registration the sandbox's token endpoint knows, like an Azure AD app registration. */
export const INNER_CLIENT = {
  clientId: '6f1c2a9e-0b7d-4c1e-9a55-5a3d2b1e0c01',
  clientSecret: 'sandbox-inner-client-secret',
  scope: 'api://works-register/.default',
  tenantId: '00000000-0000-4000-8000-000000000001',
};

const AUDIENCE = INNER_CLIENT.scope.replace(/\/\.default$/, '');

/**
 * An Azure-AD-shaped client-credentials token endpoint and the "works register" inner API it guards
 * (the organisation's own data about its works: job number, cost centre, contact team, notes).
 */
export function registerInnerRoutes(
  ctx: SandboxContext,
  tokenLifetimeSeconds: number,
): { setOrigin(origin: string): void } {
  const { app, state, faults, stats, clock } = ctx;
  const secret = randomBytes(32).toString('hex');
  let issuer = `https://login.microsoftonline.com/${INNER_CLIENT.tenantId}/v2.0`;

  const tokenConfig: RouteConfig = { api: 'token', kind: 'auth', template: '/oauth2/v2.0/token' };
  app.route({
    method: 'POST',
    url: '/oauth2/v2.0/token',
    config: tokenConfig,
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      if (faults.authOutage('inner')) {
        return aadError(
          reply,
          503,
          'temporarily_unavailable',
          'AADSTS90033: A transient error has occurred. Please try again.',
          90033,
        );
      }
      const form = (request.body ?? {}) as Record<string, string>;
      if (form.grant_type !== 'client_credentials') {
        return aadError(
          reply,
          400,
          'unsupported_grant_type',
          'AADSTS70003: The app requested an unsupported grant type.',
          70003,
        );
      }
      if (form.client_id !== INNER_CLIENT.clientId) {
        return aadError(
          reply,
          400,
          'unauthorized_client',
          `AADSTS700016: Application with identifier '${form.client_id ?? ''}' was not found.`,
          700016,
        );
      }
      if (form.client_secret !== INNER_CLIENT.clientSecret) {
        return aadError(
          reply,
          401,
          'invalid_client',
          'AADSTS7000215: Invalid client secret provided.',
          7000215,
        );
      }
      if (form.scope !== INNER_CLIENT.scope) {
        return aadError(
          reply,
          400,
          'invalid_scope',
          `AADSTS70011: The provided value for the input parameter 'scope' is not valid.`,
          70011,
        );
      }
      const iat = Math.floor(clock.now() / 1000);
      const accessToken = signJwt(
        {
          aud: AUDIENCE,
          iss: issuer,
          iat,
          nbf: iat,
          exp: iat + tokenLifetimeSeconds,
          appid: INNER_CLIENT.clientId,
          azp: INNER_CLIENT.clientId,
          tid: INNER_CLIENT.tenantId,
          roles: ['WorksRegister.Read'],
          sub: INNER_CLIENT.clientId,
          uti: randomUUID(),
        },
        secret,
      );
      stats.innerTokensIssued += 1;
      return reply.code(200).send({
        token_type: 'Bearer',
        expires_in: tokenLifetimeSeconds,
        ext_expires_in: tokenLifetimeSeconds,
        access_token: accessToken,
      });
    },
  });

  const healthConfig: RouteConfig = { api: 'inner', kind: 'status', template: '/health' };
  app.route({
    method: 'GET',
    url: '/inner/works-register/health',
    config: healthConfig,
    handler: () => Promise.resolve({ status: 'ok' }),
  });

  const worksConfig: RouteConfig = { api: 'inner', kind: 'data', template: '/works/{workReferenceNumber}' };
  app.route({
    method: 'GET',
    url: '/inner/works-register/works/:workReferenceNumber',
    config: worksConfig,
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      const header = request.headers.authorization;
      const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : undefined;
      const claims = token ? verifyJwt(token, secret, Math.floor(clock.now() / 1000)) : undefined;
      if (!claims || claims.aud !== AUDIENCE) {
        void reply.header('www-authenticate', 'Bearer error="invalid_token"');
        return innerError(reply, 401, 'UNAUTHORIZED', 'A valid bearer token is required');
      }
      const refused = faults.afterAuthentication('inner', 0);
      if (refused?.message === 'Authentication failed') {
        // unauthorizedNext: the token is treated as revoked, as after a key rollover at the identity provider
        void reply.header('www-authenticate', 'Bearer error="invalid_token"');
        return innerError(reply, 401, 'UNAUTHORIZED', 'A valid bearer token is required');
      }
      if (refused) {
        return innerError(reply, 403, 'FORBIDDEN', 'The client may not read this record');
      }
      const { workReferenceNumber } = request.params as { workReferenceNumber: string };
      const record = state.register.get(workReferenceNumber);
      if (!record) {
        return innerError(reply, 404, 'NOT_FOUND', 'No register entry for this work');
      }
      return reply.code(200).send(record);
    },
  });

  return {
    setOrigin(origin: string) {
      issuer = `${origin}/${INNER_CLIENT.tenantId}/v2.0`;
    },
  };
}

function aadError(
  reply: FastifyReply,
  status: number,
  error: string,
  description: string,
  code: number,
): FastifyReply {
  return reply.code(status).send({
    error,
    error_description: description,
    error_codes: [code],
    timestamp: new Date().toISOString().replace('T', ' ').replace('Z', 'Z'),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  });
}

function innerError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ error: { code, message } });
}
