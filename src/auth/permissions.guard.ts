import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ForbiddenError } from './auth-errors';
import type { RequestWithCaller } from './current-caller.decorator';
import type { Permission } from './permissions';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ANY_PERMISSION, REQUIRED_PERMISSION } from './require-permission.decorator';

/** 403 when the authenticated caller lacks the permission the route declares with @RequirePermission(). */
@Injectable()
export class PermissionsGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
    if (permission && !caller?.permissions.includes(permission)) {
      throw new ForbiddenError(permission);
    }
    const anyOf = this.reflector.getAllAndOverride<Permission[] | undefined>(REQUIRED_ANY_PERMISSION, targets);
    if (anyOf && !anyOf.some((p) => caller?.permissions.includes(p))) {
      throw new ForbiddenError(anyOf.join(' or ') as Permission);
    }
    return true;
  }
}
