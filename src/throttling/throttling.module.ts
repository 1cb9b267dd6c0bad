import { Module } from '@nestjs/common';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { ClientThrottlerGuard } from './client-throttler.guard';
import { RATE_LIMIT_STORAGE, RateLimitStorageModule } from './rate-limit-storage.module';

/** Provides the per-client throttler guard; AppModule registers it globally, after authentication. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [RATE_LIMIT_STORAGE],
      useFactory: (storage: ThrottlerStorage) => ({ throttlers: [], storage }),
    }),
  ],
  providers: [ClientThrottlerGuard],
  exports: [ClientThrottlerGuard],
})
export class ThrottlingModule {}
