import type { LoggerService } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

export interface ShutdownOptions {
  graceMs: number;
  logger: LoggerService;
  /** process.exit in production; tests pass a spy. */
  exit?: (code: number) => void;
}

/**
 * Stops taking connections, lets in-flight requests finish, then closes the modules (upstream pools, Redis) and
 * exits 0; exits 1 if draining outlasts the grace period. Nest's own enableShutdownHooks() is not used because its
 * app.close() runs onModuleDestroy before the HTTP server stops, closing pools under in-flight requests, and it
 * ends by re-raising the signal, so the exit code is never 0.
 */
export async function shutDownGracefully(
  app: NestFastifyApplication,
  reason: string,
  options: ShutdownOptions,
): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  // The deadline is armed before anything else: a log write that throws (stdout gone: EPIPE) must not leave the
  // process running with the shutdown half-started and every later signal ignored.
  const force = setTimeout(() => {
    safely(() => {
      options.logger.error(
        `requests still in flight after ${options.graceMs} ms: exiting anyway`,
        undefined,
        'Shutdown',
      );
    });
    exit(1);
  }, options.graceMs);
  force.unref();
  safely(() => {
    options.logger.log(`${reason}: draining in-flight requests for up to ${options.graceMs} ms`, 'Shutdown');
  });
  try {
    // Fastify stops accepting, closes idle keep-alive sockets, answers 503 on busy ones and waits for in-flight replies.
    await app.getHttpAdapter().getInstance().close();
    await app.close();
    clearTimeout(force);
    safely(() => {
      options.logger.log('drained and closed', 'Shutdown');
    });
    exit(0);
  } catch (e) {
    clearTimeout(force);
    safely(() => {
      options.logger.error(
        `shutdown failed: ${e instanceof Error ? e.message : String(e)}`,
        undefined,
        'Shutdown',
      );
    });
    exit(1);
  }
}

/** Logging is best effort during shutdown: the log's destination may be what is going away. */
function safely(write: () => void): void {
  try {
    write();
  } catch {
    // nothing left to tell it to
  }
}

export function installGracefulShutdown(app: NestFastifyApplication, options: ShutdownOptions): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (started) {
      return;
    }
    started = true;
    shutDownGracefully(app, `${signal} received`, options).catch(() => {
      (options.exit ?? process.exit)(1);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
