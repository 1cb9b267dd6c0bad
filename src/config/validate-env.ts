import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Raised at boot when configuration is missing or wrong; names every bad variable at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
}

/**
 * Validates the environment variables named by a class's properties and throws one ConfigurationError naming
 * every bad variable of that namespace. `validateConfiguration` (index.ts) gathers all namespaces into one message.
 */
export function validateEnv<T extends object>(cls: new () => T, env: NodeJS.ProcessEnv = process.env): T {
  const instance = plainToInstance(cls, { ...env }, { exposeDefaultValues: true });
  const problems = describe(validateSync(instance, { skipMissingProperties: false }));
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return instance;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
