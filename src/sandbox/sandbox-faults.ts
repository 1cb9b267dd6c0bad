/**
 * Fault injection for the sandbox. One rule per API target (`all` applies to every API); a new rule for a target
 * replaces the old one. Counters make every knob deterministic: no randomness, so tests can count on outcomes.
 */
export type FaultTarget =
  'work' | 'reporting' | 'party' | 'lookup' | 'geojson' | 'event' | 'worklist' | 'inner' | 'all';
export type MalformedKind = 'not-json' | 'truncated' | 'wrong-type' | 'missing-field';

export interface FaultRule {
  api?: FaultTarget;
  /** added before answering data and status calls */
  latencyMs?: number;
  /** 0..1; counter-based: with 0.25 the 1st, 5th, 9th... call fails */
  errorRate?: number;
  /** the next N data or status calls fail */
  errorNext?: number;
  /** status for errorRate / errorNext (default 503) */
  errorStatus?: number;
  /** the next `count` data or status calls answer 429 with Retry-After */
  rateLimit?: { count: number; retryAfterSeconds: number };
  /** authenticate, refresh (and the inner token endpoint for 'inner'/'all') answer 503 */
  authOutage?: boolean;
  malformed?: MalformedKind;
  /** the next N data calls that carry a token issued before this rule answer 401, as if the token were revoked */
  unauthorizedNext?: number;
  /** the next N data calls answer 401 whatever the token (Street Manager's "access restricted") */
  forbidNext?: number;
}

interface ActiveRule extends FaultRule {
  calls: number;
  /** tokens with a sequence up to this one count as revoked for unauthorizedNext */
  revokedUpToSeq: number;
}

export type FaultDecision = { status: number; retryAfterSeconds?: number; message: string } | undefined;

export class SandboxFaults {
  private readonly rules = new Map<FaultTarget, ActiveRule>();

  set(rule: FaultRule, currentTokenSeq: number): void {
    const target = rule.api ?? 'all';
    this.rules.set(target, { ...rule, api: target, calls: 0, revokedUpToSeq: currentTokenSeq });
  }

  clear(): void {
    this.rules.clear();
  }

  list(): FaultRule[] {
    return [...this.rules.values()].map(({ calls: _calls, revokedUpToSeq: _seq, ...rule }) => rule);
  }

  private applicable(api: string): ActiveRule[] {
    return [this.rules.get(api as FaultTarget), this.rules.get('all')].filter(
      (r): r is ActiveRule => r !== undefined,
    );
  }

  latencyMs(api: string): number {
    return this.applicable(api).reduce((max, r) => Math.max(max, r.latencyMs ?? 0), 0);
  }

  authOutage(api: string): boolean {
    return this.applicable(api).some((r) => r.authOutage === true);
  }

  /** 429 and error knobs, for data and status calls */
  beforeCall(api: string): FaultDecision {
    for (const rule of this.applicable(api)) {
      if (rule.rateLimit && rule.rateLimit.count > 0) {
        rule.rateLimit = { ...rule.rateLimit, count: rule.rateLimit.count - 1 };
        return {
          status: 429,
          retryAfterSeconds: rule.rateLimit.retryAfterSeconds,
          message: 'Too many requests',
        };
      }
      const status = rule.errorStatus ?? 503;
      if (rule.errorNext && rule.errorNext > 0) {
        rule.errorNext -= 1;
        return { status, message: messageFor(status) };
      }
      if (rule.errorRate && rule.errorRate > 0) {
        rule.calls += 1;
        if (Math.ceil(rule.calls * rule.errorRate) > Math.ceil((rule.calls - 1) * rule.errorRate)) {
          return { status, message: messageFor(status) };
        }
      }
    }
    return undefined;
  }

  /** unauthorizedNext / forbidNext, for authenticated data calls */
  afterAuthentication(api: string, tokenSeq: number): FaultDecision {
    for (const rule of this.applicable(api)) {
      if (rule.forbidNext && rule.forbidNext > 0) {
        rule.forbidNext -= 1;
        return { status: 401, message: 'Access restricted' };
      }
      if (rule.unauthorizedNext && rule.unauthorizedNext > 0 && tokenSeq <= rule.revokedUpToSeq) {
        rule.unauthorizedNext -= 1;
        return { status: 401, message: 'Authentication failed' };
      }
    }
    return undefined;
  }

  malformed(api: string): MalformedKind | undefined {
    return this.applicable(api).find((r) => r.malformed)?.malformed;
  }
}

function messageFor(status: number): string {
  return (
    { 500: 'Internal server error', 502: 'Bad gateway', 503: 'Service unavailable', 504: 'Gateway timeout' }[
      status
    ] ?? 'Request failed'
  );
}

/** Spoils a JSON payload the way a broken upstream would. */
export function spoil(payload: string, kind: MalformedKind): string {
  if (kind === 'not-json') {
    return '<html><body>502 Bad Gateway</body></html>';
  }
  if (kind === 'truncated') {
    return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
  }
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    return payload;
  }
  if (Array.isArray(body)) {
    return kind === 'wrong-type'
      ? JSON.stringify({ unexpected: body.length })
      : JSON.stringify(body.map((item) => dropFirst(item)));
  }
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const [first] = Object.keys(record);
    if (first === undefined) {
      return payload;
    }
    if (kind === 'missing-field') {
      delete record[first];
    } else {
      const value = record[first];
      record[first] =
        typeof value === 'string'
          ? 12345
          : typeof value === 'number'
            ? 'not-a-number'
            : Array.isArray(value)
              ? { not: 'an array' }
              : 'not-an-object';
    }
    return JSON.stringify(record);
  }
  return payload;
}

function dropFirst(item: unknown): unknown {
  if (item && typeof item === 'object' && !Array.isArray(item)) {
    const [first] = Object.keys(item);
    const { [first]: _dropped, ...rest } = item as Record<string, unknown>;
    return rest;
  }
  return item;
}
