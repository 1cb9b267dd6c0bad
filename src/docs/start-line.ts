import type { SandboxSubscriptionSettings } from '../config/auth.config';
import { LATEST_VERSION } from '../common/url-rewrite';

/**
 * The one line a newcomer needs after `npm start`: where the gateway listens, where Swagger UI is, and in sandbox
 * mode which demo keys its Authorize button takes. Starts `... listening on <url> ` as before (scripts match on it, up to the space).
 */
export function startLine(url: string, sandbox: SandboxSubscriptionSettings | undefined): string {
  const docs = `Swagger UI: ${url}/v${LATEST_VERSION}/docs`;
  const keys = sandbox
    ? ` — sandbox demo keys (Authorize → Ocp-Apim-Subscription-Key): ${sandbox.demoKey} (every permission), ` +
      `${sandbox.promoterKey} (promoter ${sandbox.promoterOrganisation}), ` +
      `${sandbox.authorityKey} (highway authority ${sandbox.authorityOrganisation})`
    : '';
  return `streetworks-gateway listening on ${url} — ${docs}${keys}`;
}
