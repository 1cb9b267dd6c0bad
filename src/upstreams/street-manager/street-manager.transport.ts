import { Inject, Injectable, Logger } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import type { Caller } from '../../auth/caller';
import type { StreetManagerApiName } from '../../config/street-manager.config';
import { type ErrorDetail, NotFoundError } from '../../common/errors/api-error';
import {
  UpstreamBadResponseError,
  UpstreamConflictError,
  UpstreamValidationError,
} from '../http/upstream-errors';
import { SingleFlight } from '../http/single-flight';
import type { UpstreamBase } from '../http/upstream-base';
import { UpstreamHttp, type UpstreamResponse } from '../http/upstream-http.service';
import { checkResponse, matchOperation, requestTakes } from './contract/street-manager-contract';
import { STREET_MANAGER_ENDPOINTS, type StreetManagerEndpoints } from './street-manager-endpoints';
import { type SessionContext, StreetManagerSessions, streetManagerForbidden } from './street-manager-session';
import { streetManagerBases, streetManagerUpstream } from './street-manager-upstreams';

export interface StreetManagerRequest {
  api: StreetManagerApiName;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /**
   * The path as in the Street Manager spec, relative to the API base: `/works/{workReferenceNumber}`, with `params`.
   * Give either this or `path`.
   */
  pathTemplate?: string;
  /** values for the `{placeholders}`; each is URL-encoded here */
  params?: Record<string, string | number>;
  /** a concrete path whose segments the caller has already encoded: `/works/${encodeURIComponent(wrn)}` */
  path?: string;
  /** string/number/boolean values; null/undefined entries are left out; arrays repeat the key */
  query?: object;
  /** JSON body for POST/PUT, in Street Manager's shape; the caller's identity is added to it */
  body?: object;
  /** selects the Street Manager credential (by organisation) and fills internal_user_* on writes */
  caller?: Caller;
  /** stable name for metrics and logs, e.g. `getWork` */
  operation: string;
  /** how a 404 is worded: "work ABC123 was not found". Default: the last path parameter, named after the path */
  notFound?: { resource: string; reference?: string };
  /** Street Manager field name → our field name, for the details of a 400/422 */
  fieldNames?: Record<string, string>;
  /** statuses (4xx) the client wants back as a response instead of an error, e.g. 403 for GeoJSON's 100-feature cap */
  passThroughStatuses?: readonly number[];
  signal?: AbortSignal;
}

export interface StreetManagerResponse<T> {
  status: number;
  /** the parsed JSON body, checked against the spec's schema for this operation and status; undefined when empty */
  body: T;
  headers: IncomingHttpHeaders;
}

const INTERNAL_USER_IDENTIFIER_MAX = 100;
const INTERNAL_USER_NAME_MAX = 50;

/**
 * The one way to call Street Manager. Fills path parameters safely, adds `internal_user_identifier`/`internal_user_name`
 * to writes, runs the call with the caller's session (StreetManagerSessions picks the credential, signs in and owns
 * the one re-authentication after a 401) through the guarded core, and reads the answer defensively: a body that is
 * not JSON or does not match the spec is a 502, never a crash. Upstream 404 → 404 naming the reference, 409/412 →
 * 409, 400/422 → 422 in our words, 403 or a second 401 → 403.
 *
 * Typed clients (one per API, `*-api.client.ts`) wrap it:
 * ```ts
 * async getWork(caller: Caller, workReferenceNumber: string): Promise<WorkResponse> {
 *   const { body } = await this.transport.request<WorkResponse>({
 *     api: 'work',
 *     method: 'GET',
 *     pathTemplate: '/works/{workReferenceNumber}',
 *     params: { workReferenceNumber },
 *     caller,
 *     operation: 'getWork',
 *   }); // 404 → NotFoundError "work ABC123 was not found"
 *   return body;
 * }
 * ```
 */
@Injectable()
export class StreetManagerTransport {
  private readonly logger = new Logger('StreetManagerTransport');
  /** public so tests and the benchmark can read how many callers were coalesced */
  readonly inflightGets = new SingleFlight<UpstreamResponse>();
  private readonly bases: Record<StreetManagerApiName, UpstreamBase>;

  constructor(
    private readonly http: UpstreamHttp,
    private readonly sessions: StreetManagerSessions,
    @Inject(STREET_MANAGER_ENDPOINTS) endpoints: StreetManagerEndpoints,
  ) {
    this.bases = streetManagerBases(endpoints.baseUrls);
  }

  async request<T>(req: StreetManagerRequest): Promise<StreetManagerResponse<T>> {
    const path = req.pathTemplate !== undefined ? fillPath(req.pathTemplate, req.params ?? {}) : req.path;
    if (path === undefined || !path.startsWith('/')) {
      throw new Error(`${req.operation}: give a pathTemplate or a path starting with /`);
    }
    const { origin, basePath } = this.bases[req.api];
    const target = { origin, path: basePath + path + queryString(req.query) };
    // The caller's identity goes only where the operation takes it (a street search, say, does not).
    const template = req.pathTemplate ?? matchOperation(req.api, req.method, path)?.pathTemplate;
    const identify =
      template !== undefined && requestTakes(req.api, req.method, template, 'internal_user_identifier');
    const body =
      req.method === 'POST' || req.method === 'PUT'
        ? JSON.stringify(identify ? withInternalUser(req.body ?? {}, req.caller) : (req.body ?? {}))
        : undefined;
    const exchange = () =>
      this.sessions.withSession(req.caller, (session) => this.send(req, target, body, session));

    // Identical concurrent GETs of one organisation (so one credential) share one upstream call and its outcome,
    // errors too; nothing is kept afterwards. A caller's own abort signal cannot be shared, so such calls go alone.
    const response =
      req.method === 'GET' && req.signal === undefined
        ? await this.inflightGets.run(
            `${req.caller?.organisation ?? ''} GET ${origin}${target.path}`,
            exchange,
          )
        : await exchange();
    return this.read<T>(req, path, response);
  }

  private send(
    req: StreetManagerRequest,
    target: { origin: string; path: string },
    body: string | undefined,
    session: SessionContext,
  ): Promise<UpstreamResponse> {
    return this.http.request({
      upstream: streetManagerUpstream(req.api),
      operation: req.operation,
      method: req.method,
      origin: target.origin,
      path: target.path,
      headers: {
        accept: 'application/json',
        token: session.token,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body,
      pacer: session.pacer,
      signal: req.signal,
    });
  }

  private read<T>(
    req: StreetManagerRequest,
    path: string,
    response: UpstreamResponse,
  ): StreetManagerResponse<T> {
    const { status } = response;
    const template = req.pathTemplate ?? matchOperation(req.api, req.method, path)?.pathTemplate;
    if (status >= 200 && status < 300) {
      const body = parseJson(response.body);
      if (body === INVALID) {
        this.logger.warn(
          { api: req.api, operation: req.operation, status },
          'Street Manager answered with a body that is not JSON',
        );
        throw new UpstreamBadResponseError(streetManagerUpstream(req.api), 'bad-body');
      }
      const check = template
        ? checkResponse(req.api, req.method, template, status, body)
        : { valid: false, errors: ['no such operation in the spec'] };
      if (!check.valid) {
        // The schema errors name paths and rules, never values, so they are safe to log.
        this.logger.warn(
          { api: req.api, operation: req.operation, status, errors: check.errors },
          'Street Manager answer does not match its contract',
        );
        throw new UpstreamBadResponseError(streetManagerUpstream(req.api), 'bad-body');
      }
      return { status, body: body as T, headers: response.headers };
    }
    if (req.passThroughStatuses?.includes(status)) {
      const body = parseJson(response.body);
      return { status, body: (body === INVALID ? undefined : body) as T, headers: response.headers };
    }
    switch (status) {
      case 404: {
        const named = req.notFound ?? defaultNotFound(template, path);
        throw new NotFoundError(named.resource, named.reference);
      }
      case 409:
      case 412:
        throw new UpstreamConflictError();
      case 400:
      case 422: {
        const details = fieldDetails(response.body, req);
        throw new UpstreamValidationError(
          details.length > 0
            ? `${details.map((d) => d.field).join(', ')} ${details.length > 1 ? 'were' : 'was'} not accepted by Street Manager`
            : undefined,
          details.length > 0 ? details : undefined,
        );
      }
      case 403:
        throw streetManagerForbidden();
      default:
        this.logger.warn(
          { api: req.api, operation: req.operation, status },
          'Street Manager answered with an unexpected status',
        );
        throw new UpstreamBadResponseError(streetManagerUpstream(req.api), 'bad-status');
    }
  }
}

const INVALID = Symbol('invalid');

function parseJson(body: Buffer): unknown {
  if (body.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return INVALID;
  }
}

export function fillPath(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '') {
      throw new Error(`path parameter ${name} missing for ${template}`);
    }
    // `.` and `..` survive encodeURIComponent and would be dot-segments; no Street Manager reference looks like them.
    if (value === '.' || value === '..') {
      throw new NotFoundError('the resource');
    }
    return encodeURIComponent(String(value));
  });
}

export function queryString(query: object | undefined): string {
  if (!query) {
    return '';
  }
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
        search.append(key, String(v));
      } else if (v instanceof Date) {
        search.append(key, v.toISOString());
      }
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

function withInternalUser(body: object, caller: Caller | undefined): object {
  if (!caller || Array.isArray(body)) {
    return body;
  }
  const record = body as Record<string, unknown>;
  return {
    ...record,
    internal_user_identifier:
      record.internal_user_identifier ?? caller.userIdentifier.slice(0, INTERNAL_USER_IDENTIFIER_MAX),
    internal_user_name: record.internal_user_name ?? caller.userName.slice(0, INTERNAL_USER_NAME_MAX),
  };
}

function defaultNotFound(
  template: string | undefined,
  path: string,
): { resource: string; reference?: string } {
  const templateSegments = (template ?? '').split('/');
  const pathSegments = path.split('?')[0].split('/');
  let last: { name: string; value: string } | undefined;
  templateSegments.forEach((segment, i) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (name && pathSegments[i] !== undefined) {
      last = { name, value: safeDecode(pathSegments[i]) };
    }
  });
  if (!last) {
    return { resource: 'the resource' };
  }
  // workReferenceNumber → work, permitReferenceNumber → permit, usrn → usrn
  const resource = last.name
    .replace(/(ReferenceNumber|Reference|Id)$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return { resource, reference: last.value };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Street Manager's error body is `{ message, error: { status } }`: free text we must not repeat. What we can offer
 * the caller is which of the fields they sent it names, translated to our names.
 */
function fieldDetails(raw: Buffer, req: StreetManagerRequest): ErrorDetail[] {
  const parsed = parseJson(raw) as { message?: unknown } | undefined | typeof INVALID;
  const message = parsed && parsed !== INVALID && typeof parsed.message === 'string' ? parsed.message : '';
  if (!message || !req.body || typeof req.body !== 'object') {
    return [];
  }
  const mentioned = new Set(message.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  return Object.keys(req.body)
    .filter((key) => mentioned.has(key))
    .map((key) => ({
      field: req.fieldNames?.[key] ?? snakeToCamel(key),
      message: 'was not accepted by Street Manager',
    }));
}

function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
