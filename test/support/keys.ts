import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';

export const KEY_HEADER = 'Ocp-Apim-Subscription-Key';
/** The demo subscription: every permission, bound to no organisation (the sandbox's first promoter, 7374). */
export const DEMO_KEY = DEFAULT_SANDBOX_KEYS.demo;
/** Bound to Leeds City Council (4720), highway authority writes. */
export const AUTHORITY_KEY = DEFAULT_SANDBOX_KEYS.authority;
/** Bound to Northern Gas Networks (7374), promoter writes. */
export const PROMOTER_KEY = DEFAULT_SANDBOX_KEYS.promoter;

/** The sandbox demo subscriptions (src/auth/subscriptions/sandbox-subscriptions.ts) as headers: `.set(KEY.promoter)`. */
export const KEY = {
  /** every permission, no organisation: acts as the default credential, promoter 7374 */
  demo: { [KEY_HEADER]: DEMO_KEY },
  /** promoter 7374 (Northern Gas Networks): read + promoter writes */
  promoter: { [KEY_HEADER]: PROMOTER_KEY },
  /** highway authority 4720 (Leeds City Council): read + authority writes */
  authority: { [KEY_HEADER]: AUTHORITY_KEY },
};
