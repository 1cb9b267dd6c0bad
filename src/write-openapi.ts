import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { configureApp, createAdapter } from './app.setup';
import { API_VERSIONS } from './common/url-rewrite';
import { buildOpenApiDocument, renderBlueprint } from './docs/openapi-document';

/**
 * `npm run openapi:write`: regenerates openapi/v<N>.yaml from the code. The app is created but never initialised
 * or listening, so no upstream, sandbox or Redis is touched.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, createAdapter(), { logger: false });
  configureApp(app);
  for (const version of API_VERSIONS) {
    const file = resolve(__dirname, '..', 'openapi', `v${version}.yaml`);
    writeFileSync(file, renderBlueprint(buildOpenApiDocument(app, version)));
    process.stdout.write(`wrote ${file}\n`);
  }
  await app.close();
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
