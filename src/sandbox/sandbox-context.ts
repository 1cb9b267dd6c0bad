import type { Clock } from '../common/clock';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StreetManagerApi } from '../upstreams/street-manager/contract/street-manager-contract';
import {
  STREET_MANAGER_CONTRACT_APIS,
  STREET_MANAGER_CONTRACT_VERSION,
} from '../upstreams/street-manager/contract/spec-files';
import type { SandboxAuth, SessionUser } from './sandbox-auth';
import type { SandboxFaults } from './sandbox-faults';
import type { SandboxState } from './sandbox-state';
import type { SandboxStats } from './sandbox-stats';

export type RouteApi = StreetManagerApi | 'inner' | 'token' | 'admin';
/** data calls need a token; status calls need nothing; auth calls are the session endpoints */
export type RouteKind = 'data' | 'status' | 'auth' | 'admin';

export interface RouteConfig {
  api: RouteApi;
  kind: RouteKind;
  /** the spec's path template, relative to the API base */
  template: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Query = Record<string, string | string[] | undefined>;

export interface RequestInfo {
  params: Record<string, string>;
  query: Query;
  body: unknown;
  /** the Street Manager user behind the token (data calls only) */
  user: SessionUser;
  raw: FastifyRequest;
}

export type Handler = (req: RequestInfo) => HandlerResult | Promise<HandlerResult>;

/** Answered with Street Manager's error body `{ message, error: { status } }`. */
export class SmError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Street Manager lays its APIs out as `/<version>/<api>`; the sandbox speaks the one version the gateway does. */
export const API_BASES = Object.fromEntries(
  STREET_MANAGER_CONTRACT_APIS.map((api) => [api, `/${STREET_MANAGER_CONTRACT_VERSION}/${api}`]),
) as Record<StreetManagerApi, string>;

export interface SandboxContext {
  app: FastifyInstance;
  /** its time: token lifetimes, latency faults, the worklists' "today"; tests share one with the gateway and move it */
  clock: Clock;
  state: SandboxState;
  auth: SandboxAuth;
  faults: SandboxFaults;
  stats: SandboxStats;
  /** registers a Street Manager operation at its real path */
  route(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    api: StreetManagerApi,
    template: string,
    kind: RouteKind,
    handler: Handler,
  ): void;
}

export function smErrorBody(status: number, message: string): { message: string; error: { status: number } } {
  return { message, error: { status } };
}
