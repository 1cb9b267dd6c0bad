import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ConfigurationError, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

class CacheEnv {
  @IsOptional()
  @IsString()
  CACHE_TTL_SECONDS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  CACHE_MAX_ENTRIES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(64 * 1024 * 1024)
  CACHE_MAX_BODY_BYTES?: number;
}

/**
 * Seconds a GET answer of each resource (the first path segment after the version: `/v1/works/...` → `works`) may be
 * served from the cache and kept by clients. By default only reference data that no caller writes through the
 * gateway is cached: a cached work or permit would hide a caller's own write for up to its TTL (writes do not
 * invalidate), so those are opt-in, e.g. {"works":30}, for read-heavy deployments that accept that staleness.
 * A resource not named here is never cached.
 */
export const DEFAULT_CACHE_TTLS: Record<string, number> = { organisations: 300, streets: 3600 };

const RESOURCE = /^[a-z][a-z0-9-]{0,63}$/;
const MAX_TTL_SECONDS = 86_400;

export function parseTtls(raw: string | undefined): Record<string, number> {
  if (raw === undefined || raw.trim() === '') {
    return { ...DEFAULT_CACHE_TTLS };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigurationError(['CACHE_TTL_SECONDS: must be JSON, e.g. {"works":30,"organisations":300}']);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError(['CACHE_TTL_SECONDS: must be a JSON object of resource name → seconds']);
  }
  const problems: string[] = [];
  const ttls: Record<string, number> = {};
  for (const [resource, seconds] of Object.entries(parsed as Record<string, unknown>)) {
    if (
      !RESOURCE.test(resource) ||
      !Number.isInteger(seconds) ||
      (seconds as number) < 0 ||
      (seconds as number) > MAX_TTL_SECONDS
    ) {
      problems.push(
        `CACHE_TTL_SECONDS.${resource}: a lowercase resource name with whole seconds from 0 (off) to ${MAX_TTL_SECONDS}`,
      );
      continue;
    }
    if ((seconds as number) > 0) {
      ttls[resource] = seconds as number;
    }
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return ttls;
}

export const cacheConfig = registerAs('cache', () => {
  const env = validateEnv(CacheEnv);
  return {
    /** resource → seconds; absent or 0 = not cached (`Cache-Control: no-store`) */
    ttls: parseTtls(env.CACHE_TTL_SECONDS),
    /** per-instance memory cache only (without REDIS_URL): least recently used entries go first */
    maxEntries: env.CACHE_MAX_ENTRIES ?? 10_000,
    /** larger bodies are served but not cached: a few big pages must not evict thousands of small records */
    maxBodyBytes: env.CACHE_MAX_BODY_BYTES ?? 1024 * 1024,
  };
});
export type CacheConfig = ReturnType<typeof cacheConfig>;
