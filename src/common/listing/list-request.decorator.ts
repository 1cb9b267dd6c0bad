import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import type { ListRequest } from './list-spec';

/** The caller (set by CredentialsGuard) and the URL as sent, for `serveList`. */
export const CurrentListRequest = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): ListRequest => {
    const request = ctx.switchToHttp().getRequest<{ caller: Caller; url: string }>();
    return { caller: request.caller, url: request.url };
  },
);
