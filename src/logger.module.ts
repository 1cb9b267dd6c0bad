import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Logger, NativeLogger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import { type AppConfig, appConfig } from './config/app.config';
import { MetricsService } from './metrics/metrics.service';
import { LOG_DESTINATION, type LogDestination, loggerParams, stdoutDestination } from './common/logging';
import { prettyStdout } from './common/pretty-logs';

/**
 * nestjs-pino's loggers without its LoggerModule, whose only other part is a Nest middleware: on Fastify that
 * needs @fastify/middie, which decodes and matches every URL again. installRequestLogging() (configureApp) does
 * the middleware's work as a Fastify hook instead.
 */
@Global()
@Module({})
export class LoggerModule {
  static forRoot(): DynamicModule {
    const params = {
      provide: PARAMS_PROVIDER_TOKEN,
      inject: [appConfig.KEY, LOG_DESTINATION],
      useFactory: (config: AppConfig, destination: LogDestination): Params =>
        loggerParams(config, destination),
    };
    return {
      module: LoggerModule,
      providers: [
        Logger,
        NativeLogger,
        PinoLogger,
        params,
        {
          provide: LOG_DESTINATION,
          inject: [appConfig.KEY, MetricsService],
          useFactory: (config: AppConfig, metrics: MetricsService): LogDestination =>
            (config.prettyLogs ? prettyStdout() : null) ??
            stdoutDestination(config.logBufferBytes, () => metrics.logLinesDropped.inc()),
        },
      ],
      exports: [Logger, NativeLogger, PinoLogger, params],
    };
  }
}
