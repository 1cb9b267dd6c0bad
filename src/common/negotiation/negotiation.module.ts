import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { NegotiationGuard } from './negotiation.guard';

/**
 * Content negotiation for every route. Global guards run in the order their modules are imported: import this after
 * AuthModule (authentication, throttling and permissions come first) and before CacheModule (the representation is
 * part of the cache key).
 */
@Module({
  providers: [NegotiationGuard, { provide: APP_GUARD, useExisting: NegotiationGuard }],
})
export class NegotiationModule {}
