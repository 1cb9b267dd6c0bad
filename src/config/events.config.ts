import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));

class EventsEnv {
  @IsOptional() @Transform(toInt) @IsInt() @Min(1) @Max(90)
  EVENT_LOG_RETENTION_DAYS?: number;

  @IsOptional() @Transform(toInt) @IsInt() @Min(100) @Max(1_000_000)
  EVENT_LOG_MAX_EVENTS_PER_ORGANISATION?: number;
}

export const eventsConfig = registerAs('events', () => {
  const env = validateEnv(EventsEnv);
  return {
    /** how long an organisation's events (and their dedupe keys) are kept: the window a replay or a poll can reach */
    retentionMs: (env.EVENT_LOG_RETENTION_DAYS ?? 7) * 24 * 3600 * 1000,
    /** a bound on each organisation's log whatever the retention (memory per instance; an approximate cap in Redis) */
    maxEventsPerOrganisation: env.EVENT_LOG_MAX_EVENTS_PER_ORGANISATION ?? 100_000,
  };
});
export type EventsConfig = ReturnType<typeof eventsConfig>;
