import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { splitList, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

class AppEnv {
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  PORT?: number;

  @IsOptional() @IsString()
  HOST?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(16 * 1024) @Max(64 * 1024 * 1024)
  LOG_BUFFER_BYTES?: number;

  @IsOptional() @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(1024) @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional() @IsString()
  CORS_ORIGINS?: string;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(600_000)
  SHUTDOWN_GRACE_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(50) @Max(60_000)
  HEALTH_CHECK_TIMEOUT_MS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(10)
  TRUST_PROXY_HOPS?: number;
}

export const appConfig = registerAs('app', () => {
  const env = validateEnv(AppEnv);
  return {
    port: env.PORT ?? 3000,
    host: env.HOST ?? '0.0.0.0',
    publicBaseUrl: env.PUBLIC_BASE_URL?.replace(/\/$/, ''),
    logLevel: env.LOG_LEVEL ?? 'info',
    /** Log bytes held while stdout cannot take more; lines beyond it are dropped and counted, never waited for. */
    logBufferBytes: env.LOG_BUFFER_BYTES ?? 1024 * 1024,
    nodeEnv: (env.NODE_ENV ?? 'development') as 'development' | 'test' | 'production',
    bodyLimitBytes: env.BODY_LIMIT_BYTES ?? 1024 * 1024,
    corsOrigins: splitList(env.CORS_ORIGINS),
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS ?? 10_000,
    healthCheckTimeoutMs: env.HEALTH_CHECK_TIMEOUT_MS ?? 3_000,
    /**
     * Proxies in front of the gateway whose X-Forwarded-For may be believed (the load balancer = 1). 0 trusts none,
     * so a client cannot choose the IP that keys its anonymous rate limit by sending the header itself.
     */
    trustProxyHops: env.TRUST_PROXY_HOPS ?? 0,
  };
});
export type AppConfig = ReturnType<typeof appConfig>;
