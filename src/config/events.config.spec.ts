import { buildEventsConfig } from './events.config';
import { ConfigurationError } from './validate-env';

const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    buildEventsConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigurationError).problems;
  }
};

describe('events configuration', () => {
  it('defaults: 7 days, intake auto, a minute between reconciles, no topics, no extra trust', () => {
    expect(buildEventsConfig({})).toEqual({
      retentionMs: 7 * 86_400_000,
      maxEventsPerOrganisation: 100_000,
      intake: 'auto',
      reconcileIntervalMs: 60_000,
      backfillMs: 24 * 3_600_000,
      maxMessageAgeMs: 3_600_000,
      topics: {},
      trustedCertUrlPattern: undefined,
    });
  });

  it('pins topics per credential, SWA codes padded', () => {
    const topics = JSON.stringify({
      '7374': 'arn:aws:sns:eu-west-2:123456789012:sm-events',
      '116': 'arn:aws:sns:eu-west-2:123456789012:b',
      default: 'arn:aws:sns:eu-west-2:123456789012:c',
    });
    expect(buildEventsConfig({ STREET_MANAGER_NOTIFICATION_TOPICS: topics }).topics).toEqual({
      '7374': 'arn:aws:sns:eu-west-2:123456789012:sm-events',
      '0116': 'arn:aws:sns:eu-west-2:123456789012:b',
      default: 'arn:aws:sns:eu-west-2:123456789012:c',
    });
  });

  it('refuses a sandbox certificate pattern in production, and names every bad variable', () => {
    expect(
      problems({ NODE_ENV: 'production', SNS_TRUSTED_CERT_URL_PATTERN: 'http://127\\.0\\.0\\.1:\\d+/.*' }),
    ).toEqual([
      'SNS_TRUSTED_CERT_URL_PATTERN: refused when NODE_ENV=production (only https://sns.<region>.amazonaws.com certificates are trusted there)',
    ]);
    expect(
      buildEventsConfig({
        NODE_ENV: 'test',
        SNS_TRUSTED_CERT_URL_PATTERN: 'http://127\\.0\\.0\\.1:\\d+/.*',
      }).trustedCertUrlPattern?.test('http://127.0.0.1:80/x'),
    ).toBe(true);
    expect(
      problems({
        STREET_MANAGER_NOTIFICATION_TOPICS: '{"7374":"arn:aws:s3:::bucket"}',
        SNS_TRUSTED_CERT_URL_PATTERN: '(',
        EVENT_BACKFILL_HOURS: '500',
      }),
    ).toEqual([
      'STREET_MANAGER_NOTIFICATION_TOPICS: "7374" needs a SWA code (or default) mapped to an SNS topic ARN',
      'SNS_TRUSTED_CERT_URL_PATTERN: not a valid regular expression',
      'EVENT_BACKFILL_HOURS: must not reach further back than EVENT_LOG_RETENTION_DAYS',
    ]);
    expect(problems({ EVENT_INTAKE: 'maybe', EVENT_RECONCILE_INTERVAL_SECONDS: '1' })).toHaveLength(2);
  });
});
