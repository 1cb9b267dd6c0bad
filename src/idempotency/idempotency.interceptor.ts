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
import type { Caller } from '../auth/caller';
import { ApiError, ErrorCode } from '../common/errors/api-error';
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
 * A write whose answer was lost (timeout, unreadable answer, upstream 5xx): Street Manager may have acted. Kept under
 * the key, so a retry gets this same answer instead of a second write.
 */
export class WriteOutcomeUnknownError extends ApiError {
  constructor(status: number, collectionPath: string) {
    super(
      status,
      ErrorCode.WRITE_OUTCOME_UNKNOWN,
      `Street Manager may have made this change, but its answer was lost. Look for it (GET ${collectionPath}) ` +
        'before sending it again with a new Idempotency-Key; a retry with this key gets this same answer',
      undefined,
      { Link: `<${collectionPath}>; rel="collection"` },
    );
    this.name = 'WriteOutcomeUnknownError';
  }
}

/**
 * Whether a failed write proves that nothing was written, so its key may be released: a 4xx (refused by us or by
 * Street Manager) or a guard's refusal before sending. Anything else may have reached Street Manager.
 */
export function provesNothingWritten(error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  if (error.code === ErrorCode.WRITE_OUTCOME_UNKNOWN) {
    return false;
  }
  return error.status < 500 || (error as ApiError & { sent?: boolean }).sent === false;
}

/** `/v1/works/ABC/comments?x` → `/v1/works/ABC/comments`: where a lost create's result would be listed. */
function collectionOf(url: string): string {
  return url.split('?')[0] ?? url;
}

/**
 * `Idempotency-Key` on every POST (DESIGN.md §5, Stripe's semantics). Keys are scoped per client, so two
 * clients can never collide or read each other's results. Once a write may have reached Street Manager its
 * outcome is kept, errors included; only a failure that proves nothing was written releases the key.
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
          if (begun.response.outcomeUnknown) {
            throw new WriteOutcomeUnknownError(begun.response.status, collectionOf(request.url));
          }
          return of(begun.response.body);
        }
        return next.handle().pipe(
          mergeMap(async (body: unknown) => {
            await this.store.complete(key, fingerprint, this.toStored(context, reply, body));
            return body;
          }),
          catchError(async (error: unknown) => {
            if (provesNothingWritten(error)) {
              await this.store.release(key);
              throw error;
            }
            const status = error instanceof ApiError && error.status >= 500 ? error.status : 500;
            await this.store.complete(key, fingerprint, {
              status,
              body: null,
              headers: {},
              outcomeUnknown: true,
            });
            throw new WriteOutcomeUnknownError(status, collectionOf(request.url));
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
