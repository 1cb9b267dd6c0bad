import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ErrorCode } from '../common/errors/api-error';
import { errorBody } from '../common/errors/error-body';
import { requestIdFor } from '../common/request-id';
import { type AuthConfig, authConfig } from '../config/auth.config';
import { challenge, SUBSCRIPTION_KEY_HEADER } from './auth-errors';
import { bearerToken } from './azure-ad/azure-ad.strategy';
import { SubscriptionStore } from './subscriptions/subscription-store';

const MAX_KEY_LENGTH = 256;
/** Street Manager's SNS notifications carry no credential of ours: the signature inside the body authenticates them. */
const SIGNED_IN_BODY = '/street-manager/notifications/';

/**
 * `Expect: 100-continue` asks whether to send the body. Node says yes before anything runs, so a keyless client
 * uploads its whole body before its 401. Here the headers are checked first, cheaply: a missing or malformed
 * credential and an unknown or disabled subscription key are refused without reading the body (a bearer token's
 * signature is still verified later by CredentialsGuard, with the body).
 */
export function answerContinueAfterAuthentication(app: NestFastifyApplication): void {
  const server: Server = app.getHttpServer();
  const store = app.get(SubscriptionStore);
  const bearerEnabled = app.get<AuthConfig>(authConfig.KEY).azureAd !== undefined;

  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const refusal = req.url?.startsWith(SIGNED_IN_BODY) ? undefined : refusalFor(req, store, bearerEnabled);
    if (refusal === undefined) {
      res.writeContinue();
      server.emit('request', req, res);
      return;
    }
    const requestId = requestIdFor(req);
    const body = JSON.stringify(errorBody(ErrorCode.UNAUTHORIZED, refusal, requestId));
    // The unread body makes the connection unusable for another request.
    res.writeHead(401, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'x-request-id': requestId,
      'www-authenticate': challenge(bearerEnabled),
      connection: 'close',
    });
    res.end(body);
  });
}

/** Why the headers alone already fail authentication, or undefined when they may pass. */
function refusalFor(
  req: IncomingMessage,
  store: SubscriptionStore,
  bearerEnabled: boolean,
): string | undefined {
  const authorization = req.headers.authorization;
  const key = req.headers['ocp-apim-subscription-key'];
  if (authorization !== undefined && key !== undefined) {
    return 'send either a bearer token or a subscription key, not both';
  }
  if (key !== undefined) {
    const subscription =
      typeof key === 'string' && key.length <= MAX_KEY_LENGTH ? store.find(key) : undefined;
    return subscription?.enabled ? undefined : 'the subscription key is not valid';
  }
  if (authorization !== undefined) {
    if (!bearerEnabled) {
      return `this gateway does not accept bearer tokens; send your subscription key in the ${SUBSCRIPTION_KEY_HEADER} header`;
    }
    return bearerToken(authorization) === undefined
      ? 'the Authorization header must carry a Bearer token'
      : undefined;
  }
  return `credentials are missing: send a subscription key in the ${SUBSCRIPTION_KEY_HEADER} header`;
}
