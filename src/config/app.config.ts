import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { ConfigurationError, splitList, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

class AppEnv {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(16 * 1024)
  @Max(64 * 1024 * 1024)
  LOG_BUFFER_BYTES?: number;

  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_GRACE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60_000)
  HEALTH_CHECK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60_000)
  HEALTH_CHECK_CACHE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY_HOPS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  REQUEST_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  HEADERS_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  KEEP_ALIVE_TIMEOUT_MS?: number;
}

export const appConfig = registerAs('app', () => {
  const env = validateEnv(AppEnv);
  const requestTimeoutMs = env.REQUEST_TIMEOUT_MS ?? 60_000;
  const headersTimeoutMs = env.HEADERS_TIMEOUT_MS ?? Math.min(20_000, requestTimeoutMs);
  if (headersTimeoutMs > requestTimeoutMs) {
    // Node refuses to start a server whose headers may take longer than the whole request.
    throw new ConfigurationError([
      `HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    ]);
  }
  return {
    port: env.PORT ?? 3000,
    host: env.HOST ?? '0.0.0.0',
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    /** Log bytes held while stdout cannot take more; lines beyond it are dropped and counted, never waited for. */
    logBufferBytes: env.LOG_BUFFER_BYTES ?? 1024 * 1024,
    /** Human-readable lines for a person at a terminal; JSON lines everywhere else (pipes, files, production). */
    prettyLogs: process.stdout.isTTY === true && env.NODE_ENV !== 'production',
    nodeEnv: (env.NODE_ENV ?? 'development') as 'development' | 'test' | 'production',
    bodyLimitBytes: env.BODY_LIMIT_BYTES ?? 1024 * 1024,
    corsOrigins: splitList(env.CORS_ORIGINS),
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? 10_000,
    healthCheckTimeoutMs: env.HEALTH_CHECK_TIMEOUT_MS ?? 3_000,
    /** How long a /healthcheck result is reused: probes and scanners must not multiply upstream calls. */
    healthCheckCacheMs: env.HEALTH_CHECK_CACHE_MS ?? 5_000,
    /** The operator listener (/metrics, detailed /healthcheck), bound to HOST; 0 picks a free port. */
    metricsPort: env.METRICS_PORT ?? 9464,
    /** Whole request, body included, from its first byte (nginx's client_body_timeout, Kong's read timeout: 60 s). */
    requestTimeoutMs,
    headersTimeoutMs,
    /** An idle keep-alive connection is closed after this; keep it above the load balancer's idle timeout. */
    keepAliveTimeoutMs: env.KEEP_ALIVE_TIMEOUT_MS ?? 5_000,
    /**
     * Proxies in front of the gateway whose X-Forwarded-For may be believed (the load balancer = 1). 0 trusts none,
     * so a client cannot choose the IP that keys its anonymous rate limit by sending the header itself.
     */
    trustProxyHops: env.TRUST_PROXY_HOPS ?? 0,
  };
});
export type AppConfig = ReturnType<typeof appConfig>;
