import { type ArgumentsHost, Catch, type ExceptionFilter, Logger, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RouteTable } from '../route-table';
import { type ErrorResponse, methodNotAllowed, toErrorResponse } from './error-mapping';

/** The single owner of error bodies: every exception, framework or ours, leaves through here. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly routes: RouteTable) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    sendError(reply, this.describe(exception, request), exception, this.logger);
  }

  private describe(exception: unknown, request: FastifyRequest): ErrorResponse {
    // Fastify's not-found handler reaches us as a NotFoundException; a path known under other methods is a 405.
    if (exception instanceof NotFoundException && exception.message.startsWith('Cannot ')) {
      const allowed = this.routes.allowedMethods(request.url.split('?')[0] ?? '/');
      if (allowed.length > 0 && !allowed.includes(request.method)) {
        return methodNotAllowed(allowed, String(request.id));
      }
    }
    return toErrorResponse(exception, String(request.id));
  }
}

export function sendError(
  reply: FastifyReply,
  response: ErrorResponse,
  exception: unknown,
  logger: Logger,
): void {
  if (response.internal) {
    logger.error(
      { err: exception, requestId: response.body.error.requestId },
      'request failed with an internal error',
    );
  } else if (response.status >= 500) {
    logger.warn(
      { code: response.body.error.code, requestId: response.body.error.requestId },
      response.body.error.message,
    );
  }
  if (reply.sent) {
    return;
  }
  // Errors are always JSON, whatever representation negotiation had chosen for the success body.
  void reply
    .serializer(JSON.stringify)
    .status(response.status)
    .headers({
      ...response.headers,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    })
    .send(response.body);
}
