import type { SandboxSubscriptionSettings } from '../../config/auth.config';
import { ALL_PERMISSIONS, Permission } from '../permissions';
import { hashKey } from './key-hash';
import type { Subscription } from './subscription';

export const SANDBOX_PRODUCT = 'sandbox';

/**
 * Demo subscriptions that exist only in sandbox mode, so Swagger UI's Authorize works on a fresh machine: one unbound
 * with every permission, and one bound to a promoter and one to a highway authority so ownership can be tried.
 */
export function sandboxSubscriptions(settings: SandboxSubscriptionSettings): Subscription[] {
  return [
    {
      id: 'sandbox-demo',
      name: 'Sandbox demo (every permission, no organisation)',
      product: SANDBOX_PRODUCT,
      roles: [...ALL_PERMISSIONS],
      enabled: true,
      primaryKeyHash: hashKey(settings.demoKey),
    },
    {
      id: 'sandbox-promoter',
      name: `Sandbox promoter ${settings.promoterOrganisation}`,
      product: SANDBOX_PRODUCT,
      roles: [Permission.READ, Permission.PROMOTER_WRITE],
      organisation: settings.promoterOrganisation,
      enabled: true,
      primaryKeyHash: hashKey(settings.promoterKey),
    },
    {
      id: 'sandbox-authority',
      name: `Sandbox highway authority ${settings.authorityOrganisation}`,
      product: SANDBOX_PRODUCT,
      roles: [Permission.READ, Permission.AUTHORITY_WRITE],
      organisation: settings.authorityOrganisation,
      enabled: true,
      primaryKeyHash: hashKey(settings.authorityKey),
    },
  ];
}
