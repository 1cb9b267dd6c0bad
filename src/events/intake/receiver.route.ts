import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../../common/errors/api-error';
import { RECEIVER_PATH } from './intake-settings';
import type { NotificationReceiver } from './notification-receiver';
import { MAX_SNS_BODY_BYTES } from './sns-envelope';

/**
 * The receiver as a Fastify route of its own, outside `/v1` and outside Nest's pipeline: SNS posts `text/plain`
 * (the API accepts JSON only), carries no credential of ours (the signature is the authentication), and is no
 * integrator's business (not in any OpenAPI document). An encapsulated plugin, so the text parser exists only here.
 */
export function registerReceiverRoute(fastify: FastifyInstance, receiver: NotificationReceiver): void {
  const logger = new Logger('EventIntake');
  void fastify.register((instance: FastifyInstance, _options: unknown, done: (err?: Error) => void) => {
    instance.addContentTypeParser(
      'text/plain',
      { parseAs: 'string', bodyLimit: MAX_SNS_BODY_BYTES },
      (_request, body, parsed) => parsed(null, body),
    );
    instance.post(
      `${RECEIVER_PATH}/:credential`,
      async (request: FastifyRequest<{ Params: { credential: string } }>, reply: FastifyReply) => {
        void reply.header('cache-control', 'no-store');
        const credential = request.params.credential;
        try {
          // No body (no content type) is a malformed message; any type but text/plain never reaches here (415).
          const answer = await receiver.receive(
            credential,
            typeof request.body === 'string' ? request.body : '',
          );
          return reply.code(answer.status).send(answer.body);
        } catch (e) {
          // Not stored: a 5xx makes SNS deliver it again.
          const status = e instanceof ApiError ? e.status : 500;
          logger.error(
            { credential: credential.slice(0, 20), reason: e instanceof Error ? e.message : 'unknown' },
            'a notification could not be stored; SNS will retry it',
          );
          return reply.code(status >= 500 ? status : 503).send({ outcome: 'retry' });
        }
      },
    );
    done();
  });
}
