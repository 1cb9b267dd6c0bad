import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test, type TestingModule, type TestingModuleBuilder } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp, createAdapter } from '../../src/app.setup';
import { Clock } from '../../src/common/clock';
import { LOG_DESTINATION } from '../../src/common/logging';
import { type AppConfig, appConfig } from '../../src/config/app.config';
import { TestClock } from '../support/test-clock';

/** Replaces one provider by token, e.g. `{ provide: throttlingConfig.KEY, useValue: { ... } }`. */
export type ProviderOverride =
  | { provide: unknown; useValue: unknown }
  | { provide: unknown; useClass: Type }
  | { provide: unknown; useFactory: (...args: never[]) => unknown; inject?: unknown[] };

export interface BootOptions {
  /** Provider replacements, typically config namespaces (`someConfig.KEY`). Never replace the class under test. */
  overrides?: ProviderOverride[];
  /** Extra modules imported beside AppModule: test-only controllers, fault servers' clients and the like. */
  imports?: (Type | DynamicModule | ForwardReference)[];
  /** Shorthand for overriding parts of the `app` namespace (it also shapes the Fastify adapter: body limit). */
  app?: Partial<AppConfig>;
  /** Capture log lines (one JSON object per line). Without it the app logs nothing, unless `app.logLevel` says so. */
  logs?: DestinationStream;
  /** The app's clock (default: a new TestClock running with the system time); pass one to share it, e.g. with a sandbox. */
  clock?: TestClock;
  /** Last-resort hook for anything the options above do not cover. */
  customize?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

export interface BootedApp {
  app: NestFastifyApplication;
  module: TestingModule;
  /** the app's clock: `booted.clock.advance(10_000)` instead of sleeping */
  clock: TestClock;
  /** supertest bound to the app's server: `await booted.http.get('/v1/works').expect(200)` */
  http: ReturnType<typeof request>;
  /** Closes the app (and so every module's pools and servers via the shutdown hooks). Call it in afterAll. */
  close(): Promise<void>;
}

/**
 * Boots the real AppModule through the same createAdapter() and configureApp() as main.ts, so e2e specs exercise
 * the production pipeline. Keep this signature stable: every area's e2e specs depend on it.
 */
export async function bootApp(options: BootOptions = {}): Promise<BootedApp> {
  const overrides = [...(options.overrides ?? [])];
  const appOverride = overrides.find((o) => o.provide === appConfig.KEY);
  const baseApp =
    appOverride && 'useValue' in appOverride ? (appOverride.useValue as AppConfig) : appConfig();
  const config: AppConfig = {
    ...baseApp,
    // Tests are quiet unless they ask for logs; a captured stream gets the production level so lines appear.
    logLevel: options.app?.logLevel ?? (options.logs ? baseApp.logLevel : 'silent'),
    ...withoutLogLevel(options.app),
  };

  let builder = Test.createTestingModule({ imports: [AppModule, ...(options.imports ?? [])] });
  builder = builder.overrideProvider(appConfig.KEY).useValue(config);
  const clock = options.clock ?? new TestClock();
  builder = builder.overrideProvider(Clock).useValue(clock);
  if (options.logs) {
    builder = builder.overrideProvider(LOG_DESTINATION).useValue(options.logs);
  }
  for (const o of overrides) {
    if (o.provide === appConfig.KEY) {
      continue;
    }
    const override = builder.overrideProvider(o.provide);
    if ('useValue' in o) {
      builder = override.useValue(o.useValue);
    } else if ('useClass' in o) {
      builder = override.useClass(o.useClass);
    } else {
      builder = override.useFactory({ factory: o.useFactory, inject: o.inject as never[] });
    }
  }
  if (options.customize) {
    builder = options.customize(builder);
  }

  const module = await builder.compile();
  const app = module.createNestApplication<NestFastifyApplication>(createAdapter(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  configureApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();

  return {
    app,
    module,
    clock,
    http: request(app.getHttpServer()),
    close: () => app.close(),
  };
}

function withoutLogLevel(app: Partial<AppConfig> | undefined): Partial<AppConfig> {
  if (!app) {
    return {};
  }
  const { logLevel: _ignored, ...rest } = app;
  return rest;
}
