import type { WorkRecord } from '../data/records';
import { SmError, type RequestInfo, type SandboxContext } from '../sandbox-context';
import type { Actor } from '../sandbox-state';

export const WORK_REFERENCE = /^[A-Za-z0-9_-]{1,24}$/;

/** Reading another organisation's work answers 401, as Street Manager's "access restricted" does. */
export function visibleWork(ctx: SandboxContext, req: RequestInfo, reference: string): WorkRecord {
  const work = ctx.state.works.get(reference);
  if (!work) {
    throw new SmError(404, 'Work not found');
  }
  if (!ctx.state.canSee(req.user.organisation, work)) {
    throw new SmError(401, 'Access restricted');
  }
  return work;
}

export function actorOf(req: RequestInfo): Actor {
  const body = (req.body ?? {}) as {
    internal_user_identifier?: string | null;
    internal_user_name?: string | null;
  };
  return {
    email: req.user.email,
    organisation: req.user.organisation,
    internalUserIdentifier: body.internal_user_identifier ?? null,
    internalUserName: body.internal_user_name ?? null,
  };
}

export function requirePromoterSide(ctx: SandboxContext, req: RequestInfo, work?: WorkRecord): void {
  const promoter = ctx.state.promoterOf(req.user.organisation);
  if (!promoter || (work && work.promoterSwa !== promoter.swaCode)) {
    throw new SmError(401, 'Access restricted');
  }
}

export function requireHighwayAuthority(req: RequestInfo, work?: WorkRecord): void {
  const org = req.user.organisation;
  if (org.type !== 'highway_authority' || (work && work.haSwa !== org.swaCode)) {
    throw new SmError(401, 'Access restricted');
  }
}

export function nextNumber(existing: { reference: string }[]): string {
  return String(existing.length + 1).padStart(2, '0');
}

export function now(): string {
  return new Date().toISOString();
}

/** Street Manager's query arrays come as repeated parameters; comma lists are accepted too. */
export function list(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  return (Array.isArray(value) ? value : [value]).flatMap((v) => v.split(',')).filter(Boolean);
}

export function bool(value: string | string[] | undefined): boolean | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined ? undefined : v === 'true';
}

export function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function dateParam(value: string | string[] | undefined, name: string): number | undefined {
  const v = single(value);
  if (v === undefined) {
    return undefined;
  }
  const t = Date.parse(v);
  if (Number.isNaN(t)) {
    throw new SmError(400, `${name} must be a valid ISO 8601 date-time`);
  }
  return t;
}

export function numberParam(
  value: string | string[] | undefined,
  name: string,
  required = false,
): number | undefined {
  const v = single(value);
  if (v === undefined || v === '') {
    if (required) {
      throw new SmError(400, `${name} is required`);
    }
    return undefined;
  }
  const n = Number(v);
  if (!Number.isFinite(n)) {
    throw new SmError(400, `${name} must be a number`);
  }
  return n;
}
