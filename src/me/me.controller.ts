import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Authenticated } from '../auth/require-permission.decorator';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { links } from '../common/links/link';
import type { RequestWithRateLimits } from '../throttling/rate-limit-state';
import { MeDto } from './dto/me.dto';
import { V1 } from '../common/links/paths';

@ApiTags('me')
@Controller({ path: 'me', version: '1' })
export class MeController {
  @Get()
  @Authenticated()
  @ApiOperation({
    summary: 'Who am I: how the gateway sees the caller',
    description:
      'Client id, kind of credential, product, permissions, organisation and rate limits, so integrators can check their set-up the moment they get credentials.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiErrorResponses(406)
  me(@CurrentCaller() caller: Caller, @Req() request: RequestWithRateLimits): MeDto {
    return {
      clientId: caller.clientId,
      credentialKind: caller.kind === 'azure-ad' ? 'azure-ad' : 'subscription-key',
      name: caller.name,
      product: caller.product,
      permissions: caller.permissions,
      ...(caller.organisation ? { organisation: caller.organisation } : {}),
      rateLimits: (request.rateLimits ?? []).map(({ name, limit, windowSeconds, remaining, resetsAt }) => ({
        name,
        limit,
        windowSeconds,
        remaining,
        resetsAt,
      })),
      links: links(caller).self(V1.me).build(),
    };
  }
}
