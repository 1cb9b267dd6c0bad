import { createRequire } from 'node:module';
import type { DestinationStream } from 'pino';

// A plain require: the package may be absent, which an import statement could not survive.
const loadPretty = (): unknown => createRequire(__filename)('pino-pretty');

/**
 * Nest's start-up chatter (a line per module and per route, "Starting Nest application", "successfully started"):
 * noise at a terminal, where the gateway's own start line says it all; kept in the JSON logs.
 */
const STARTUP_CHATTER =
  /"context":"(InstanceLoader|RoutesResolver|RouterExplorer|NestFactory|NestApplication)"/;

type PrettyFactory = (options: Record<string, unknown>) => DestinationStream;

/**
 * Human-readable log lines for a developer's terminal (`prettyLogs` in app.config: stdout is a TTY outside
 * production). pino-pretty is a devDependency: where it is not installed (a production image) this answers null
 * and the caller keeps JSON lines.
 */
export function prettyStdout(load: () => unknown = loadPretty): DestinationStream | null {
  let factory: PrettyFactory;
  try {
    factory = load() as PrettyFactory;
  } catch {
    return null;
  }
  const pretty = factory({
    colorize: true,
    translateTime: 'SYS:HH:MM:ss',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
    singleLine: true,
  });
  return {
    write(line: string): void {
      if (!STARTUP_CHATTER.test(line)) {
        pretty.write(line);
      }
    },
  };
}
