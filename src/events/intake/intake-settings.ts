/** The intake's configuration once resolved against Street Manager's endpoints (a real host or the sandbox). */
export interface IntakeCredential {
  /** the credential id: the organisation's SWA code, or `default`; also the event log's organisation key */
  id: string;
  /** undefined for the unbound default credential */
  organisation?: string;
  /** the SNS topic its notifications must come from; none pinned = every notification for it is refused */
  topicArn?: string;
}

export interface IntakeSettings {
  enabled: boolean;
  credentials: IntakeCredential[];
  /** the credential used for callers bound to no organisation */
  defaultCredentialId: string;
  /** set: the receiver is subscribed at `${publicBaseUrl}/street-manager/notifications/<credential>` */
  publicBaseUrl?: string;
  reconcileIntervalMs: number;
  backfillMs: number;
  retentionMs: number;
  maxMessageAgeMs: number;
  /** sandbox and tests only: certificate and confirmation URLs trusted besides AWS's */
  extraUrlPattern?: RegExp;
}

export const INTAKE_SETTINGS = Symbol('INTAKE_SETTINGS');

export const RECEIVER_PATH = '/street-manager/notifications';

export function receiverEndpoint(publicBaseUrl: string, credentialId: string): string {
  return `${publicBaseUrl}${RECEIVER_PATH}/${credentialId}`;
}
