import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RouteMetadata } from '../common/route-metadata';
import { ForbiddenError } from './auth-errors';
import type { RequestWithCaller } from './current-caller.decorator';
import type { Permission } from './permissions';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ANY_PERMISSION, REQUIRED_PERMISSION } from './require-permission.decorator';

/** 403 when the authenticated caller lacks the permission the route declares with @RequirePermission(). */
@Injectable()
export class PermissionsGuard implements CanActivate {
  private readonly isPublic: RouteMetadata<boolean>;
  private readonly required: RouteMetadata<Permission>;
  private readonly requiredAny: RouteMetadata<Permission[]>;

  constructor(reflector: Reflector) {
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
    this.required = new RouteMetadata(reflector, REQUIRED_PERMISSION);
    this.requiredAny = new RouteMetadata(reflector, REQUIRED_ANY_PERMISSION);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.isPublic.of(context)) {
      return true;
    }
    const permission = this.required.of(context);
    const caller = context.switchToHttp().getRequest<RequestWithCaller>().caller;
    if (permission && !caller?.permissions.includes(permission)) {
      throw new ForbiddenError(permission);
    }
    const anyOf = this.requiredAny.of(context);
    if (anyOf && !anyOf.some((p) => caller?.permissions.includes(p))) {
      throw new ForbiddenError(anyOf.join(' or ') as Permission);
    }
    return true;
  }
}
