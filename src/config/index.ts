import { appConfig } from './app.config';
import { authConfig } from './auth.config';
import { cacheConfig } from './cache.config';
import { eventsConfig } from './events.config';
import { idempotencyConfig } from './idempotency.config';
import { redisConfig } from './redis.config';
import { innerApisConfig } from './inner-apis.config';
import { streetManagerConfig } from './street-manager.config';
import { throttlingConfig } from './throttling.config';
import { ConfigurationError } from './validate-env';
import { webhooksConfig } from './webhooks.config';

/** Every configuration namespace; each validates its own variables when loaded. */
export const configNamespaces = [
  appConfig,
  idempotencyConfig,
  authConfig,
  throttlingConfig,
  streetManagerConfig,
  innerApisConfig,
  redisConfig,
  cacheConfig,
  eventsConfig,
  webhooksConfig,
];

/** Loads every namespace once so that a bad start names every bad variable in one message, not the first. */
export function validateConfiguration(): void {
  const problems: string[] = [];
  for (const load of configNamespaces) {
    try {
      load();
    } catch (e) {
      if (e instanceof ConfigurationError) {
        problems.push(...e.problems);
      } else {
        throw e;
      }
    }
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
}
