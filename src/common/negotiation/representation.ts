import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { MediaType } from './media-types';

/** Where the NegotiationGuard records the chosen media type on the raw request. */
export const CHOSEN_REPRESENTATION = Symbol('chosenRepresentation');
export type RequestWithRepresentation = FastifyRequest['raw'] & { [CHOSEN_REPRESENTATION]?: string };

export function representationOf(request: FastifyRequest): string {
  return (request.raw as RequestWithRepresentation)[CHOSEN_REPRESENTATION] ?? MediaType.JSON;
}

/**
 * The media type chosen for this response, e.g. `application/geo+json` on a `@Produces(MediaType.GEO_JSON)` route:
 * `list(@Representation() as: string)`. The handler shapes the body; the guard set how it is serialised.
 */
export const Representation = createParamDecorator((_data: unknown, ctx: ExecutionContext): string =>
  representationOf(ctx.switchToHttp().getRequest<FastifyRequest>()),
);
