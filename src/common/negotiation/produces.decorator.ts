import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProduces } from '@nestjs/swagger';
import { DEFAULT_PRODUCES, type MediaType } from './media-types';

export const PRODUCES_KEY = 'negotiation:produces';

/**
 * Adds representations to the default JSON and XML for a route or controller, e.g.
 * `@Produces(MediaType.GEO_JSON)`; the handler learns the choice through `@Representation()`.
 * Documents the same list in OpenAPI so docs and negotiation cannot drift.
 */
export function Produces(...mediaTypes: MediaType[]): MethodDecorator & ClassDecorator {
  const all = [...new Set([...DEFAULT_PRODUCES, ...mediaTypes])];
  return applyDecorators(SetMetadata(PRODUCES_KEY, all), ApiProduces(...all));
}
