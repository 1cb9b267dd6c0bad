/**
 * The SNS HTTP(S) message envelope (https://docs.aws.amazon.com/sns/latest/dg/http-notification-json.html), read
 * from the raw text/plain body SNS posts. Shape only: nothing here is trusted until SnsVerifier has checked it.
 */
export type SnsMessageType = 'Notification' | 'SubscriptionConfirmation' | 'UnsubscribeConfirmation';

export interface SnsEnvelope {
  Type: SnsMessageType;
  MessageId: string;
  TopicArn: string;
  Message: string;
  Timestamp: string;
  SignatureVersion?: string;
  Signature?: string;
  SigningCertURL?: string;
  Subject?: string;
  SubscribeURL?: string;
  Token?: string;
}

/** SNS messages are at most 256 KiB; the envelope adds its fields. */
export const MAX_SNS_BODY_BYTES = 320 * 1024;

const TYPES = new Set<string>(['Notification', 'SubscriptionConfirmation', 'UnsubscribeConfirmation']);
const FIELD_LIMITS: Record<keyof SnsEnvelope, number> = {
  Type: 32,
  MessageId: 100,
  TopicArn: 400,
  Message: MAX_SNS_BODY_BYTES,
  Timestamp: 40,
  SignatureVersion: 4,
  Signature: 2_000,
  SigningCertURL: 2_048,
  Subject: 100,
  SubscribeURL: 4_096,
  Token: 2_048,
};
const REQUIRED: (keyof SnsEnvelope)[] = ['Type', 'MessageId', 'TopicArn', 'Message', 'Timestamp'];

export class SnsEnvelopeError extends Error {}

/** Parses the body into an envelope, or throws SnsEnvelopeError saying what is wrong (never echoing the body). */
export function parseSnsEnvelope(body: string): SnsEnvelope {
  if (Buffer.byteLength(body) > MAX_SNS_BODY_BYTES) {
    throw new SnsEnvelopeError('body too large');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new SnsEnvelopeError('body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SnsEnvelopeError('body is not a JSON object');
  }
  const record = parsed as Record<string, unknown>;
  const envelope: Partial<Record<keyof SnsEnvelope, string>> = {};
  for (const [field, limit] of Object.entries(FIELD_LIMITS) as [keyof SnsEnvelope, number][]) {
    const value = record[field];
    if (value === undefined || value === null) {
      continue;
    }
    if (typeof value !== 'string' || value.length > limit) {
      throw new SnsEnvelopeError(`${field} must be a string of at most ${limit} characters`);
    }
    envelope[field] = value;
  }
  for (const field of REQUIRED) {
    if (envelope[field] === undefined) {
      throw new SnsEnvelopeError(`${field} is missing`);
    }
  }
  if (!TYPES.has(envelope.Type!)) {
    throw new SnsEnvelopeError('Type is not an SNS message type');
  }
  return envelope as SnsEnvelope;
}
