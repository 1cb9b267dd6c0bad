import { Module } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { type ThrottlingConfig, throttlingConfig } from '../config/throttling.config';
import { FixedWindowThrottlerStorage } from './fixed-window.storage';

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/**
 * The one place that chooses where rate-limit counters live. Memory today; a Redis storage (shared by every
 * instance) slots in here behind the same ThrottlerStorage interface.
 */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [throttlingConfig.KEY],
      useFactory: (_config: ThrottlingConfig): ThrottlerStorage => new FixedWindowThrottlerStorage(),
    },
  ],
  exports: [RATE_LIMIT_STORAGE],
})
export class RateLimitStorageModule {}
