import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { Caller } from '../caller';
import { AzureAdTokenVerifier } from './azure-ad-token-verifier';

export const AZURE_AD_STRATEGY = 'azure-ad';

/** RFC 6750 b64token; anything else in a Bearer header is not a token we could have issued. */
const BEARER = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;
const MAX_TOKEN_LENGTH = 16_384;

export function bearerToken(authorization: string): string | undefined {
  const match = authorization.length <= MAX_TOKEN_LENGTH ? BEARER.exec(authorization) : null;
  return match?.[1];
}

/** Passport strategy for Azure AD (Entra ID) bearer tokens; the credentials guard picks it when `Authorization` is sent. */
@Injectable()
export class AzureAdStrategy extends PassportStrategy(Strategy, AZURE_AD_STRATEGY) {
  constructor(private readonly verifier: AzureAdTokenVerifier) {
    super();
  }

  async validate(request: FastifyRequest): Promise<Caller> {
    return this.verifier.verify(bearerToken(request.headers.authorization ?? '') ?? '');
  }
}
