import { createHmac, timingSafeEqual } from 'node:crypto';

/** HS256 JWTs signed with a per-instance secret: the sandbox is both issuer and verifier, so no key exchange is needed. */
export function signJwt(payload: Record<string, unknown>, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  return `${head}.${body}.${sign(`${head}.${body}`, secret)}`;
}

/** The payload when the signature matches and `exp` lies ahead; otherwise undefined. */
export function verifyJwt(
  token: string,
  secret: string,
  nowSeconds: number,
): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`, secret));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return undefined;
  }
  try {
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    return typeof payload.exp === 'number' && payload.exp > nowSeconds ? payload : undefined;
  } catch {
    return undefined;
  }
}

function sign(input: string, secret: string): string {
  return createHmac('sha256', secret).update(input).digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
