import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { ConfigurationError, validateEnv } from './validate-env';

class ThrottlingEnv {
  @IsOptional()
  @IsIn(['true', 'false'])
  THROTTLE_ENABLED?: string;

  @IsOptional()
  @IsString()
  THROTTLE_PRODUCTS?: string;
}

/** One counting window of a product, e.g. 50 requests per second or 500 000 per day. */
export interface RateLimitWindow {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Products whose callers are not authenticated (public routes, keyed by IP) and the fallback for unknown products. */
export const ANONYMOUS_PRODUCT = 'anonymous';
export const DEFAULT_PRODUCT = 'default';

export const DEFAULT_PRODUCTS: Record<string, RateLimitWindow[]> = {
  [DEFAULT_PRODUCT]: [
    { name: 'per-second', limit: 50, windowSeconds: 1 },
    { name: 'per-day', limit: 500_000, windowSeconds: 86_400 },
  ],
  internal: [{ name: 'per-second', limit: 200, windowSeconds: 1 }],
  // The sandbox demo subscriptions: generous, so local tries, e2e suites and benchmarks measure rather than meet it.
  sandbox: [
    { name: 'per-second', limit: 100_000, windowSeconds: 1 },
    { name: 'per-day', limit: 100_000_000, windowSeconds: 86_400 },
  ],
  [ANONYMOUS_PRODUCT]: [{ name: 'per-second', limit: 20, windowSeconds: 1 }],
};

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_WINDOW_SECONDS = 31 * 86_400;

export function parseProducts(raw: string | undefined): Record<string, RateLimitWindow[]> {
  if (!raw) {
    return { ...DEFAULT_PRODUCTS };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigurationError([
      'THROTTLE_PRODUCTS: must be JSON, e.g. {"default": [{"name": "per-second", "limit": 50, "windowSeconds": 1}]}',
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(['THROTTLE_PRODUCTS: must be a JSON object keyed by product name']);
  }
  const problems: string[] = [];
  const products: Record<string, RateLimitWindow[]> = { ...DEFAULT_PRODUCTS };
  for (const [product, windows] of Object.entries(parsed as Record<string, unknown>)) {
    if (!NAME.test(product) || !Array.isArray(windows) || windows.length > 8) {
      problems.push(`THROTTLE_PRODUCTS.${product}: must be a list of at most 8 windows`);
      continue;
    }
    const seen = new Set<string>();
    products[product] = windows.map((w: unknown, i) => {
      const { name, limit, windowSeconds } = (w ?? {}) as Record<string, unknown>;
      const ok =
        typeof name === 'string' &&
        NAME.test(name) &&
        !seen.has(name) &&
        Number.isInteger(limit) &&
        (limit as number) >= 1 &&
        Number.isInteger(windowSeconds) &&
        (windowSeconds as number) >= 1 &&
        (windowSeconds as number) <= MAX_WINDOW_SECONDS;
      if (!ok) {
        problems.push(
          `THROTTLE_PRODUCTS.${product}[${i}]: needs a unique name, an integer limit ≥ 1 and windowSeconds between 1 and ${MAX_WINDOW_SECONDS}`,
        );
      }
      seen.add(String(name));
      return { name: String(name), limit: Number(limit), windowSeconds: Number(windowSeconds) };
    });
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return products;
}

export const throttlingConfig = registerAs('throttling', () => {
  const env = validateEnv(ThrottlingEnv);
  return {
    enabled: env.THROTTLE_ENABLED !== 'false',
    /** products named in THROTTLE_PRODUCTS replace the built-in ones of the same name; the others stay */
    products: parseProducts(env.THROTTLE_PRODUCTS),
  };
});
export type ThrottlingConfig = ReturnType<typeof throttlingConfig>;
