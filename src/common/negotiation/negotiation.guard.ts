import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { FORMAT_FROM_SUFFIX, type RawRequestWithFormat } from '../url-rewrite';
import { NotAcceptableError } from '../errors/api-error';
import { DEFAULT_PRODUCES, MediaType } from './media-types';
import { negotiate } from './negotiate';
import { PRODUCES_KEY } from './produces.decorator';
import { CHOSEN_REPRESENTATION, type RequestWithRepresentation } from './representation';
import { toXml, xmlRootForRoute } from './xml';

interface RouteRepresentations {
  produced: readonly string[];
}

/**
 * Chooses the representation before the handler runs (so a 406 costs nothing upstream) and sets how the reply
 * is rendered. JSON bodies pass through untouched for Fastify to serialise; only XML gets its own serializer.
 * The error filter resets both, because errors are always JSON.
 *
 * A guard, not an interceptor: it only decides and throws, and Nest wraps every interceptor in rxjs and an
 * `AsyncResource.bind` per request (tens of µs on Node 20). Registered after the authentication, throttling and
 * permission guards (NegotiationModule is imported after AuthModule), so a 401/429/403 still comes before a 406.
 */
@Injectable()
export class NegotiationGuard implements CanActivate {
  // Metadata never changes after boot, so each handler's is read once.
  private readonly routes = new WeakMap<object, RouteRepresentations>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const raw = request.raw as RawRequestWithFormat & RequestWithRepresentation;
    const route = this.representationsOf(context);

    const chosen = negotiate(request.headers.accept, raw[FORMAT_FROM_SUFFIX], route.produced);
    if (chosen === undefined) {
      throw new NotAcceptableError(route.produced);
    }
    raw[CHOSEN_REPRESENTATION] = chosen;
    const reply = http.getResponse<FastifyReply>();
    void reply.header('vary', 'Accept');

    if (chosen === MediaType.XML) {
      const root = xmlRootForRoute(request.routeOptions.url);
      // A per-reply serializer runs after every interceptor has shaped the body, whatever their order, so an
      // idempotency replay or a field selection sees the object, never the rendered text.
      void reply
        .header('content-type', 'application/xml; charset=utf-8')
        .serializer((body) => toXml(body, root));
    } else if (chosen !== MediaType.JSON) {
      // Fastify serialises any content type containing "json" itself.
      void reply.header('content-type', `${chosen}; charset=utf-8`);
    }
    return true;
  }

  private representationsOf(context: ExecutionContext): RouteRepresentations {
    const handler = context.getHandler();
    let route = this.routes.get(handler);
    if (!route) {
      const targets = [handler, context.getClass()];
      route = {
        produced:
          this.reflector.getAllAndOverride<string[] | undefined>(PRODUCES_KEY, targets) ?? DEFAULT_PRODUCES,
      };
      this.routes.set(handler, route);
    }
    return route;
  }
}
