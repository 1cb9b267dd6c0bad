import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ConfigurationError, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);

/** An SNS topic ARN, e.g. arn:aws:sns:eu-west-2:123456789012:street-manager-events. */
export const TOPIC_ARN = /^arn:aws(?:-[a-z]+)?:sns:[a-z0-9-]{1,30}:\d{12}:[A-Za-z0-9_-]{1,256}$/;

class EventsEnv {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  EVENT_LOG_RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  EVENT_LOG_MAX_EVENTS_PER_ORGANISATION?: number;

  @IsOptional()
  @IsIn(['on', 'off', 'auto'])
  EVENT_INTAKE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  EVENT_RECONCILE_INTERVAL_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(90 * 24)
  EVENT_BACKFILL_HOURS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  SNS_MAX_MESSAGE_AGE_SECONDS?: number;

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  STREET_MANAGER_NOTIFICATION_TOPICS?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  SNS_TRUSTED_CERT_URL_PATTERN?: string;

  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;
}

function parseTopics(raw: string | undefined): Record<string, string> {
  if (raw === undefined || raw.trim() === '') {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigurationError([
      'STREET_MANAGER_NOTIFICATION_TOPICS: must be JSON, {"<SWA code or default>": "<SNS topic ARN>"}',
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError([
      'STREET_MANAGER_NOTIFICATION_TOPICS: must be a JSON object of credential → topic ARN',
    ]);
  }
  const problems: string[] = [];
  const topics: Record<string, string> = {};
  for (const [credential, arn] of Object.entries(parsed)) {
    if (!/^([A-Za-z0-9]{1,4}|default)$/.test(credential) || typeof arn !== 'string' || !TOPIC_ARN.test(arn)) {
      problems.push(
        `STREET_MANAGER_NOTIFICATION_TOPICS: "${credential.slice(0, 20)}" needs a SWA code (or default) mapped to an SNS topic ARN`,
      );
      continue;
    }
    topics[credential === 'default' ? credential : credential.padStart(4, '0')] = arn;
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return topics;
}

function parsePattern(raw: string | undefined, production: boolean): RegExp | undefined {
  if (raw === undefined || raw === '') {
    return undefined;
  }
  if (production) {
    throw new ConfigurationError([
      'SNS_TRUSTED_CERT_URL_PATTERN: refused when NODE_ENV=production (only https://sns.<region>.amazonaws.com certificates are trusted there)',
    ]);
  }
  try {
    return new RegExp(`^(?:${raw})$`);
  } catch {
    throw new ConfigurationError(['SNS_TRUSTED_CERT_URL_PATTERN: not a valid regular expression']);
  }
}

export function buildEventsConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = validateEnv(EventsEnv, source);
  const retentionMs = (env.EVENT_LOG_RETENTION_DAYS ?? 7) * 24 * 3600 * 1000;
  const problems: string[] = [];
  let topics: Record<string, string> = {};
  let trustedCertUrlPattern: RegExp | undefined;
  try {
    topics = parseTopics(env.STREET_MANAGER_NOTIFICATION_TOPICS);
  } catch (e) {
    problems.push(...(e as ConfigurationError).problems);
  }
  try {
    trustedCertUrlPattern = parsePattern(env.SNS_TRUSTED_CERT_URL_PATTERN, env.NODE_ENV === 'production');
  } catch (e) {
    problems.push(...(e as ConfigurationError).problems);
  }
  const backfillMs = (env.EVENT_BACKFILL_HOURS ?? 24) * 3600 * 1000;
  if (backfillMs > retentionMs) {
    problems.push('EVENT_BACKFILL_HOURS: must not reach further back than EVENT_LOG_RETENTION_DAYS');
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return {
    /** how long an organisation's events (and their dedupe keys) are kept: the window a replay or a poll can reach */
    retentionMs,
    /** a bound on each organisation's log whatever the retention (memory per instance; an approximate cap in Redis) */
    maxEventsPerOrganisation: env.EVENT_LOG_MAX_EVENTS_PER_ORGANISATION ?? 100_000,
    /** on: receive, reconcile and serve /v1/work-updates from the log; auto: on when PUBLIC_BASE_URL is set */
    intake: (env.EVENT_INTAKE ?? 'auto') as 'on' | 'off' | 'auto',
    /** how often the reconciler reads Street Manager's Event API cursor to fill gaps */
    reconcileIntervalMs: (env.EVENT_RECONCILE_INTERVAL_SECONDS ?? 60) * 1000,
    /** where the reconciler starts on its very first run, before any cursor is stored */
    backfillMs,
    /** older (or further in the future than 5 minutes) SNS messages are refused as stale or replayed */
    maxMessageAgeMs: (env.SNS_MAX_MESSAGE_AGE_SECONDS ?? 3600) * 1000,
    /** credential id (SWA code or `default`) → the SNS topic its notifications must come from */
    topics,
    /** sandbox and tests only: signing certificates (and SubscribeURLs) at URLs matching this are trusted too */
    trustedCertUrlPattern,
  };
}

export const eventsConfig = registerAs('events', () => buildEventsConfig());
export type EventsConfig = ReturnType<typeof buildEventsConfig>;
