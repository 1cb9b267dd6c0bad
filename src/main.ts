import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureApp, createAdapter } from './app.setup';
import { installGracefulShutdown } from './common/graceful-shutdown';
import { flushStdoutWithoutBlocking } from './common/logging';
import { type AppConfig, appConfig } from './config/app.config';
import { type AuthConfig, authConfig } from './config/auth.config';
import { startLine } from './docs/start-line';
import { validateConfiguration } from './config';
import { ConfigurationError } from './config/validate-env';
import { OperatorServer } from './metrics/operator-server';

async function bootstrap(): Promise<void> {
  try {
    validateConfiguration();
  } catch (e) {
    if (e instanceof ConfigurationError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createAdapter(), {
    bufferLogs: true,
  });
  const logger = app.get(Logger);
  app.useLogger(logger);
  configureApp(app);
  const config = app.get<AppConfig>(appConfig.KEY);
  const exit = (code: number): never => {
    flushStdoutWithoutBlocking();
    process.exit(code);
  };
  installGracefulShutdown(app, { graceMs: config.shutdownGraceMs, logger, exit });
  await app.listen(config.port, config.host);
  logger.log(startLine(await app.getUrl(), app.get<AuthConfig>(authConfig.KEY).sandbox));
  const operatorUrl = await app.get(OperatorServer).listen(config.metricsPort, config.host);
  logger.log(`operator endpoints (/metrics, /healthcheck with detail) on ${operatorUrl}`);
}

void bootstrap();
