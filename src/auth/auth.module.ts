import { Module } from '@nestjs/common';
import { AzureAdTokenVerifier } from './azure-ad/azure-ad-token-verifier';
import { AzureAdStrategy } from './azure-ad/azure-ad.strategy';
import { CredentialsGuard } from './credentials.guard';
import { PermissionsGuard } from './permissions.guard';
import { SubscriptionKeyStrategy } from './subscriptions/subscription-key.strategy';
import { SubscriptionStore } from './subscriptions/subscription-store';

/** Who is calling (Azure AD or a subscription key) and what they may do; AppModule registers the guards globally. */
@Module({
  providers: [
    AzureAdTokenVerifier,
    AzureAdStrategy,
    SubscriptionStore,
    SubscriptionKeyStrategy,
    CredentialsGuard,
    PermissionsGuard,
  ],
  exports: [SubscriptionStore, CredentialsGuard, PermissionsGuard],
})
export class AuthModule {}
