import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import { type AuthConfig, authConfig } from '../../config/auth.config';
import { challenge, UnauthorizedError } from '../auth-errors';
import type { Caller } from '../caller';
import { SubscriptionStore } from './subscription-store';

export const SUBSCRIPTION_KEY_STRATEGY = 'subscription-key';
const MAX_KEY_LENGTH = 256;

/** Passport strategy for the Ocp-Apim-Subscription-Key header (API Management's name, so APIM clients work unchanged). */
@Injectable()
export class SubscriptionKeyStrategy extends PassportStrategy(Strategy, SUBSCRIPTION_KEY_STRATEGY) {
  constructor(
    private readonly store: SubscriptionStore,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {
    super();
  }

  validate(request: FastifyRequest): Promise<Caller> {
    const key = request.headers['ocp-apim-subscription-key'];
    const subscription =
      typeof key === 'string' && key.length <= MAX_KEY_LENGTH ? this.store.find(key) : undefined;
    // Wrong and disabled read the same: whoever holds a disabled key learns nothing a client needs from the difference.
    if (!subscription || !subscription.enabled) {
      return Promise.reject(
        new UnauthorizedError(
          'the subscription key is not valid',
          challenge(this.config.azureAd !== undefined),
        ),
      );
    }
    return Promise.resolve({
      clientId: subscription.id,
      kind: 'subscription-key',
      name: subscription.name,
      product: subscription.product,
      permissions: subscription.roles,
      organisation: subscription.organisation,
      userIdentifier: subscription.id,
      userName: subscription.name,
    });
  }
}
