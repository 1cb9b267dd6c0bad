import { createHash, X509Certificate } from 'node:crypto';
import SnsPayloadValidator from 'sns-payload-validator';
import type { UpstreamHttp } from '../../upstreams/http/upstream-http.service';
import type { SnsEnvelope } from './sns-envelope';

/**
 * AWS's signing certificates and confirmation links: HTTPS on `sns.<region>.amazonaws.com`, nothing else (not
 * any *.amazonaws.com host, not the China partition, not another path).
 */
export const AWS_CERT_URL =
  /^https:\/\/sns\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com\/SimpleNotificationService-[A-Za-z0-9]{32}\.pem$/;
export const AWS_SUBSCRIBE_URL =
  /^https:\/\/sns\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com\/\?Action=ConfirmSubscription&[^#\s]{1,3000}$/;

export type RefusalReason =
  | 'unsigned'
  | 'wrong-topic'
  | 'stale'
  | 'untrusted-certificate'
  | 'certificate-unavailable'
  | 'bad-signature';

export class SnsRefusal extends Error {
  constructor(readonly reason: RefusalReason) {
    super(reason);
  }
}

export interface SnsTrust {
  /** besides AWS: the sandbox's own certificate and confirmation URLs (never set in production) */
  extraUrlPattern?: RegExp;
  maxMessageAgeMs: number;
}

const FUTURE_SKEW_MS = 5 * 60_000;
const CERT_TTL_MS = 24 * 3600_000;
const CERT_FAILURE_TTL_MS = 60_000;
const MAX_CERTS = 100;
const MAX_CERT_BYTES = 16 * 1024;
export const SNS_CERTIFICATES_UPSTREAM = 'sns-certificates';

/** The library's certificate cache, which it reads before downloading; we fill it so it never downloads itself. */
interface CertCache {
  get(url: string): string | undefined;
  set(url: string, pem: string): void;
}

/**
 * Verifies an SNS message: signed (versions 1 and 2), from the pinned topic, fresh, and signed by a certificate at
 * a trusted URL. The signature itself is checked by the maintained `sns-payload-validator`; the certificate is
 * fetched here, through the guarded HTTP core (timeouts, breaker, bounded size), and handed to the library through
 * its cache, so the library never opens a connection of its own. A certificate URL allowed only by the sandbox
 * pattern is shown to the library under an AWS-shaped alias (the URL is not part of what is signed).
 */
export class SnsVerifier {
  private readonly validator = new SnsPayloadValidator({ useCache: true, maxCerts: MAX_CERTS });
  private readonly libraryCache: CertCache;
  private readonly certs = new Map<string, { pem?: string; until: number }>();

  constructor(
    private readonly http: UpstreamHttp,
    private readonly trust: SnsTrust,
    private readonly now: () => number = Date.now,
  ) {
    const cache = (this.validator as unknown as { certCache?: CertCache }).certCache;
    if (!cache || typeof cache.get !== 'function' || typeof cache.set !== 'function') {
      // A new version of the library that keeps its cache elsewhere would download certificates itself: refuse to start.
      throw new Error('sns-payload-validator no longer exposes its certificate cache; review SnsVerifier');
    }
    this.libraryCache = cache;
  }

  isTrustedSubscribeUrl(url: string): boolean {
    return AWS_SUBSCRIBE_URL.test(url) || (this.trust.extraUrlPattern?.test(url) ?? false);
  }

  async verify(message: SnsEnvelope, expectedTopicArn: string | undefined): Promise<void> {
    if (
      (message.SignatureVersion !== '1' && message.SignatureVersion !== '2') ||
      !message.Signature ||
      !message.SigningCertURL
    ) {
      throw new SnsRefusal('unsigned');
    }
    if (expectedTopicArn === undefined || message.TopicArn !== expectedTopicArn) {
      throw new SnsRefusal('wrong-topic');
    }
    const sent = Date.parse(message.Timestamp);
    const now = this.now();
    if (!Number.isFinite(sent) || now - sent > this.trust.maxMessageAgeMs || sent - now > FUTURE_SKEW_MS) {
      throw new SnsRefusal('stale');
    }
    const certUrl = message.SigningCertURL;
    const aws = AWS_CERT_URL.test(certUrl);
    if (!aws && !(this.trust.extraUrlPattern?.test(certUrl) ?? false)) {
      throw new SnsRefusal('untrusted-certificate');
    }
    const pem = await this.certificate(certUrl);
    const libraryUrl = aws ? certUrl : alias(certUrl);
    this.libraryCache.set(libraryUrl, pem);
    try {
      await this.validator.validate({
        ...message,
        SigningCertURL: libraryUrl,
      } as unknown as SnsPayloadValidator.SnsPayload);
    } catch {
      throw new SnsRefusal('bad-signature');
    }
  }

  private async certificate(url: string): Promise<string> {
    const now = this.now();
    const cached = this.certs.get(url);
    if (cached && cached.until > now) {
      if (cached.pem === undefined) {
        throw new SnsRefusal('certificate-unavailable');
      }
      return cached.pem;
    }
    let pem: string | undefined;
    try {
      const response = await this.http.request({
        upstream: SNS_CERTIFICATES_UPSTREAM,
        operation: 'getSigningCertificate',
        method: 'GET',
        ...originAndPath(url),
      });
      const text = response.body.toString('utf8');
      if (response.status === 200 && response.body.length <= MAX_CERT_BYTES) {
        new X509Certificate(text); // throws unless it is a certificate
        pem = text;
      }
    } catch {
      pem = undefined;
    }
    if (this.certs.size >= MAX_CERTS) {
      this.certs.delete(this.certs.keys().next().value as string);
    }
    // A URL that gave no certificate is not asked again for a minute: forged URLs cannot make us fetch in a loop.
    this.certs.set(url, { pem, until: now + (pem ? CERT_TTL_MS : CERT_FAILURE_TTL_MS) });
    if (pem === undefined) {
      throw new SnsRefusal('certificate-unavailable');
    }
    return pem;
  }
}

/** A URL already matched against a trusted pattern, as the guarded core takes it: the origin, and the path as sent. */
export function originAndPath(url: string): { origin: string; path: string } {
  const match = /^(https?:\/\/[^/?#]+)([^#]*)$/.exec(url);
  if (!match) {
    throw new SnsRefusal('untrusted-certificate');
  }
  return { origin: match[1], path: match[2].startsWith('/') ? match[2] : `/${match[2]}` };
}

function alias(url: string): string {
  return `https://sns.sandbox-alias.amazonaws.com/SimpleNotificationService-${createHash('sha256').update(url).digest('hex').slice(0, 32)}.pem`;
}
