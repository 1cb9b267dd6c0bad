import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClientThrottlerGuard } from '../throttling/client-throttler.guard';
import { ThrottlingModule } from '../throttling/throttling.module';
import { AzureAdTokenVerifier } from './azure-ad/azure-ad-token-verifier';
import { AzureAdStrategy } from './azure-ad/azure-ad.strategy';
import { CredentialsGuard } from './credentials.guard';
import { PermissionsGuard } from './permissions.guard';
import { SubscriptionKeyStrategy } from './subscriptions/subscription-key.strategy';
import { SubscriptionStore } from './subscriptions/subscription-store';

/**
 * The edge's request pipeline, in this order (global guards run in registration order): who is calling, whether the
 * client's rate limit allows it, whether its permissions do. `useExisting` lets tests replace any one of them.
 */
@Module({
  imports: [ThrottlingModule],
  providers: [
    AzureAdTokenVerifier,
    AzureAdStrategy,
    SubscriptionStore,
    SubscriptionKeyStrategy,
    CredentialsGuard,
    PermissionsGuard,
    { provide: APP_GUARD, useExisting: CredentialsGuard },
    { provide: APP_GUARD, useExisting: ClientThrottlerGuard },
    { provide: APP_GUARD, useExisting: PermissionsGuard },
  ],
  exports: [SubscriptionStore],
})
export class AuthModule {}
