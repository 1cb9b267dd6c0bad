import { createHash, createSign } from 'node:crypto';
import { generate } from 'selfsigned';

/** What the sandbox's SNS signs and sends: the HTTP(S) message envelope SNS posts. */
export interface SignedSnsMessage {
  Type: 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion: '1' | '2';
  Signature: string;
  SigningCertURL: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
  UnsubscribeURL?: string;
}

export type UnsignedSnsMessage = Omit<SignedSnsMessage, 'Signature' | 'SignatureVersion' | 'SigningCertURL'>;

/**
 * The string SNS signs, as AWS documents it: for each field in this order that the message has, the name, a
 * newline, the value, a newline. Written from AWS's page, not from the verifying library, so the two check each other.
 */
export function snsStringToSign(message: UnsignedSnsMessage): string {
  const fields =
    message.Type === 'Notification'
      ? (['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const)
      : (['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const);
  return fields
    .filter((f) => message[f] !== undefined)
    .map((f) => `${f}\n${message[f]}\n`)
    .join('');
}

export interface SnsSigningKey {
  privateKey: string;
  certificate: string;
  /** the name the certificate is served under: SimpleNotificationService-<32 hex>.pem */
  fileName: string;
}

let shared: Promise<SnsSigningKey> | undefined;

/**
 * A self-signed RSA certificate, made once per process on first use (a 2048-bit key takes a moment, and most
 * sandboxes never notify anyone).
 */
export function snsSigningKey(): Promise<SnsSigningKey> {
  shared ??= generate([{ name: 'commonName', value: 'sns.amazonaws.com' }], {
    keySize: 2048,
    algorithm: 'sha256',
  }).then((pems) => ({
    privateKey: pems.private,
    certificate: pems.cert,
    fileName: `SimpleNotificationService-${createHash('sha256').update(pems.cert).digest('hex').slice(0, 32)}.pem`,
  }));
  return shared;
}

/** SignatureVersion 1 is SHA1withRSA, 2 is SHA256withRSA. */
export function signSnsMessage(
  message: UnsignedSnsMessage,
  key: SnsSigningKey,
  certUrl: string,
  version: '1' | '2',
): SignedSnsMessage {
  const signer = createSign(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
  signer.update(snsStringToSign(message));
  return {
    ...message,
    SignatureVersion: version,
    Signature: signer.sign(key.privateKey, 'base64'),
    SigningCertURL: certUrl,
  };
}
