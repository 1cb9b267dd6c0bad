import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsUrl, Matches, Max, Min } from 'class-validator';
import { validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

class RedisEnv {
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['redis', 'rediss'] })
  REDIS_URL?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9:._-]{0,64}$/, {
    message: 'REDIS_KEY_PREFIX: up to 64 letters, digits, colon, dot, dash or underscore',
  })
  REDIS_KEY_PREFIX?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(10_000)
  REDIS_COMMAND_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  REDIS_CONNECT_TIMEOUT_MS?: number;
}

export const redisConfig = registerAs('redis', () => {
  const env = validateEnv(RedisEnv);
  return {
    /** undefined: every shared store stays in this process's memory (one instance) */
    url: env.REDIS_URL,
    /** lets several gateways (or environments) share one Redis without seeing each other's keys */
    keyPrefix: env.REDIS_KEY_PREFIX ?? 'swgw:',
    /** a command slower than this counts as Redis being down: the request degrades instead of waiting */
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS ?? 500,
    connectTimeoutMs: env.REDIS_CONNECT_TIMEOUT_MS ?? 2_000,
  };
});
export type RedisConfig = ReturnType<typeof redisConfig>;
