import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, of } from 'rxjs';
import type { Caller } from '../../auth/caller';
import { IDEMPOTENCY_STORE, type IdempotencyStore, type StoredResponse } from './idempotency.store';
import {
  IDEMPOTENCY_KEY_HEADER,
  IdempotencyKeyInFlightError,
  IdempotencyKeyReusedError,
  parseIdempotencyKey,
  REPLAYED_HEADER,
  requestFingerprint,
} from './idempotency-key';

/** Response headers a replay repeats; everything else (rate limits, request id) belongs to the retry itself. */
const REPLAYED_HEADERS = ['location'];

/**
 * `Idempotency-Key` on every POST (DESIGN.md §5, Stripe's semantics). Keys are scoped per client, so two
 * clients can never collide or read each other's results. Only successes are kept: a failed POST releases its
 * key so the client can retry it with the same key.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') {
      return next.handle();
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & { caller?: Caller }>();
    const header = request.headers[IDEMPOTENCY_KEY_HEADER];
    if (request.method !== 'POST' || header === undefined) {
      return next.handle();
    }
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const key = `${request.caller?.clientId ?? 'anonymous'}\n${parseIdempotencyKey(header)}`;
    const fingerprint = requestFingerprint(request.method, request.url.split('?')[0] ?? '', request.body);

    return from(this.store.begin(key, fingerprint)).pipe(
      mergeMap((begun) => {
        if (begun.state === 'in-flight') {
          throw new IdempotencyKeyInFlightError();
        }
        if (begun.state === 'completed') {
          if (begun.fingerprint !== fingerprint) {
            throw new IdempotencyKeyReusedError();
          }
          void reply.headers({ ...begun.response.headers, [REPLAYED_HEADER]: 'true' });
          return of(begun.response.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(key, fingerprint, this.toStored(context, reply, body));
            return body;
          }),
          catchError(async (error: unknown) => {
            await this.store.release(key);
            throw error;
          }),
        );
      }),
    );
  }

  private toStored(context: ExecutionContext, reply: FastifyReply, body: unknown): StoredResponse {
    const headers: Record<string, string> = {};
    for (const name of REPLAYED_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') {
        headers[name] = value;
      }
    }
    // Nest applies the route's status after interceptors, so read it where Nest will: @HttpCode or POST's 201.
    const status = this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? 201;
    return { status, body, headers };
  }
}
