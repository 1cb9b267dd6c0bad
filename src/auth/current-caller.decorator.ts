import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from './caller';

export type RequestWithCaller = { caller?: Caller };

/** The authenticated caller, set by CredentialsGuard; undefined only on @Public() routes. */
export const CurrentCaller = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Caller | undefined =>
    ctx.switchToHttp().getRequest<RequestWithCaller>().caller,
);
