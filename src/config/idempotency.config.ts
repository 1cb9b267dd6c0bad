import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

class IdempotencyEnv {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  IDEMPOTENCY_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  IDEMPOTENCY_LOCK_SECONDS?: number;
}

export const idempotencyConfig = registerAs('idempotency', () => {
  const env = validateEnv(IdempotencyEnv);
  return {
    /** how long a completed POST's response is kept for replay under its key (DESIGN.md §5: 24 hours) */
    ttlSeconds: env.IDEMPOTENCY_TTL_SECONDS ?? 24 * 3600,
    /** how long an in-flight key stays locked if its request never finishes (a crashed instance) */
    lockSeconds: env.IDEMPOTENCY_LOCK_SECONDS ?? 120,
  };
});
export type IdempotencyConfig = ReturnType<typeof idempotencyConfig>;
