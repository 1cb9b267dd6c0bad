import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT, type KeyLike } from 'jose';

export const TENANT = '11111111-2222-3333-4444-555555555555';
export const AUDIENCE = 'api://streetworks-gateway-test';
export const ISSUER = `https://login.microsoftonline.com/${TENANT}/v2.0`;
export const APP_ID = 'aaaaaaaa-0000-0000-0000-000000000001';

interface SigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
  jwk: JWK;
}

/**
 * An Entra-ID-shaped token issuer on a loopback port: RS256 keys generated here, the public ones served as a JWKS.
 * Keys can be added (rotation) while the gateway runs; `fetches` counts JWKS requests.
 */
export class LocalIssuer {
  private readonly keys: SigningKey[] = [];
  private server?: Server;
  fetches = 0;
  url = '';

  async start(): Promise<this> {
    await this.addKey('key-1');
    this.server = createServer((req, res) => {
      if (req.url === '/keys') {
        this.fetches++;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: this.keys.map((k) => k.jwk) }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get jwksUri(): string {
    return `${this.url}/keys`;
  }

  async addKey(kid: string): Promise<SigningKey> {
    const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const key = { kid, privateKey, publicKey, jwk };
    this.keys.push(key);
    return key;
  }

  key(kid = 'key-1'): SigningKey {
    const found = this.keys.find((k) => k.kid === kid);
    if (!found) {
      throw new Error(`no key ${kid}`);
    }
    return found;
  }

  /** A client-credentials access token as Entra ID v2 issues it; `claims` override or add claims. */
  async token(
    claims: JWTPayload & Record<string, unknown> = {},
    options: { kid?: string; privateKey?: KeyLike; alg?: string } = {},
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const kid = options.kid ?? 'key-1';
    const payload: JWTPayload & Record<string, unknown> = {
      iss: ISSUER,
      aud: AUDIENCE,
      tid: TENANT,
      azp: APP_ID,
      oid: 'bbbbbbbb-0000-0000-0000-000000000002',
      sub: 'bbbbbbbb-0000-0000-0000-000000000002',
      idtyp: 'app',
      roles: ['streetworks.read'],
      iat: now,
      nbf: now,
      exp: now + 3600,
      ...claims,
    };
    for (const [k, v] of Object.entries(payload)) {
      if (v === undefined) {
        delete payload[k];
      }
    }
    return new SignJWT(payload)
      .setProtectedHeader({ alg: options.alg ?? 'RS256', typ: 'JWT', kid })
      .sign(options.privateKey ?? this.key(kid === 'unknown' ? 'key-1' : kid).privateKey);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve, reject) =>
      this.server ? this.server.close((e) => (e ? reject(e) : resolve())) : resolve(),
    );
  }
}

/** base64url without padding, for hand-made tokens (alg none, tampered payloads). */
export function b64url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}
