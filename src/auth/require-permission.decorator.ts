import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/errors/error-response.dto';
import type { Permission } from './permissions';
import { AZURE_AD_SCHEME, SUBSCRIPTION_KEY_SCHEME } from './swagger-security';

export const REQUIRED_PERMISSION = 'auth:permission';
export const REQUIRED_ANY_PERMISSION = 'auth:anyPermission';

function documented(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiSecurity(SUBSCRIPTION_KEY_SCHEME),
    ApiBearerAuth(AZURE_AD_SCHEME),
    ApiUnauthorizedResponse({
      description: 'credentials are missing or not valid (see WWW-Authenticate)',
      type: ErrorResponseDto,
    }),
    ApiTooManyRequestsResponse({
      description: "the client's rate limit is spent; Retry-After says when to try again",
      type: ErrorResponseDto,
    }),
  );
}

/**
 * The one decorator a route needs: it enforces the permission (PermissionsGuard) and documents the security
 * requirement, so the docs and the enforcement cannot drift apart.
 */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_PERMISSION, permission),
    // Says which credential Try it out needs (in the sandbox: the authority demo key for authority writes).
    ApiExtension('x-permission', permission),
    documented(),
    ApiForbiddenResponse({
      description: `the caller lacks the ${permission} permission`,
      type: ErrorResponseDto,
    }),
  );
}

/** Like RequirePermission, for writes either party may make (a comment on a work): any one of the permissions will do. */
export function RequireAnyPermission(...permissions: Permission[]): MethodDecorator & ClassDecorator {
  const names = permissions.join(' or ');
  return applyDecorators(
    SetMetadata(REQUIRED_ANY_PERMISSION, permissions),
    documented(),
    ApiForbiddenResponse({ description: `the caller lacks the ${names} permission`, type: ErrorResponseDto }),
  );
}

/** Any authenticated caller, whatever its permissions (e.g. "who am I"). */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return documented();
}
