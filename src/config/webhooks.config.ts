import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { ConfigurationError, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

class WebhooksEnv {
  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  /** Sandbox and tests only: lets deliveries reach 127.0.0.1 / ::1. Refused when NODE_ENV=production. */
  @IsOptional()
  @IsIn(['true', 'false'])
  WEBHOOK_ALLOW_LOOPBACK?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(3_600_000)
  WEBHOOK_RETRY_BASE_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60_000)
  @Max(24 * 3_600_000)
  WEBHOOK_RETRY_MAX_DELAY_MS?: number;

  /** At least a day: the promise made to integrators (README "Webhooks"). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(7 * 24)
  WEBHOOK_RETRY_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(30)
  WEBHOOK_DISABLE_AFTER_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WEBHOOK_CONCURRENCY_PER_RECEIVER?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000)
  WEBHOOK_CONCURRENCY?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  WEBHOOK_SECRET_GRACE_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  WEBHOOK_LOG_RETENTION_DAYS?: number;
}

export const webhooksConfig = registerAs('webhooks', () => {
  const env = validateEnv(WebhooksEnv);
  const production = env.NODE_ENV === 'production';
  const allowLoopback = env.WEBHOOK_ALLOW_LOOPBACK === 'true';
  if (production && allowLoopback) {
    throw new ConfigurationError([
      'WEBHOOK_ALLOW_LOOPBACK: must not be true when NODE_ENV=production (it opens deliveries to this host)',
    ]);
  }
  return {
    /** Plain http:// receivers only outside production (local development and tests). */
    httpsOnly: production,
    allowLoopback,
    /** One attempt, connect to last byte (Standard Webhooks recommends 15 s). */
    timeoutMs: env.WEBHOOK_TIMEOUT_MS ?? 15_000,
    retry: {
      /** first retry after about this; each next one ×4 with ±20 % jitter, capped at maxDelayMs */
      baseDelayMs: env.WEBHOOK_RETRY_BASE_MS ?? 5_000,
      maxDelayMs: env.WEBHOOK_RETRY_MAX_DELAY_MS ?? 6 * 3_600_000,
      /** retries continue until this long after the first attempt; then the delivery is a dead letter */
      windowMs: (env.WEBHOOK_RETRY_HOURS ?? 27) * 3_600_000,
    },
    /** a subscription whose deliveries have failed without a success for this long is disabled */
    disableAfterMs: (env.WEBHOOK_DISABLE_AFTER_DAYS ?? 5) * 24 * 3_600_000,
    concurrencyPerReceiver: env.WEBHOOK_CONCURRENCY_PER_RECEIVER ?? 16,
    /** deliveries in flight per instance, all receivers together */
    concurrency: env.WEBHOOK_CONCURRENCY ?? 64,
    /** after a rotation the previous secret keeps signing for this long */
    secretGraceMs: (env.WEBHOOK_SECRET_GRACE_SECONDS ?? 24 * 3600) * 1000,
    /** delivery log and dead letters kept this long */
    logRetentionMs: (env.WEBHOOK_LOG_RETENTION_DAYS ?? 14) * 24 * 3_600_000,
    /** BullMQ: a delivery whose worker stopped renewing its lock for this long is taken over by another instance */
    lockDurationMs: 30_000,
    stalledIntervalMs: 30_000,
  };
});
export type WebhooksConfig = ReturnType<typeof webhooksConfig>;
