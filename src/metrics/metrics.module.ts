import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MetricsService } from './metrics.service';
import { OperatorServer } from './operator-server';

type RawWithClient = FastifyRequest['raw'] & { clientId?: string };

@Global()
@Module({
  providers: [MetricsService, OperatorServer],
  exports: [MetricsService, OperatorServer],
})
export class MetricsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly metrics: MetricsService,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addHook !== 'function') {
      return;
    }
    const counter = this.metrics.httpRequests;
    fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      // The route pattern, never the URL: paths and query strings can carry references and personal data.
      counter.inc({
        client: (request.raw as RawWithClient).clientId ?? 'anonymous',
        route: request.routeOptions.url ?? 'unmatched',
        method: request.method,
        status: String(reply.statusCode),
      });
      done();
    });
  }
}
