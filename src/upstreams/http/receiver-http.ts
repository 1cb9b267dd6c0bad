import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { LookupAddress } from 'node:dns';
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent } from 'undici';
import { type AddressPolicy, refusedAddressReason } from './address-guard';

export interface ReceiverPolicy extends AddressPolicy {
  /** refuse http:// (production) */
  httpsOnly: boolean;
}

/** Where a caller-chosen URL may be reached: the one checked address the connection is pinned to. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export interface ReceiverAnswer {
  status: number;
  /** the raw Retry-After header, when the receiver sent one */
  retryAfter?: string;
}

/** The URL or the address it resolves to may not be called; the message is safe to show to its owner. */
export class ReceiverRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReceiverRefusedError';
  }
}

/** The receiver could not be reached or did not answer in time. */
export class ReceiverUnreachableError extends Error {
  constructor(readonly kind: 'timeout' | 'connect') {
    super(kind === 'timeout' ? 'the receiver did not answer in time' : 'the receiver could not be reached');
    this.name = 'ReceiverUnreachableError';
  }
}

export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

const MAX_AGENTS = 256;
/** Receivers' answers are not read: only their status matters, and a huge body must not cost us. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * Outbound calls to URLs that callers choose (webhook receivers), the SSRF-safe sibling of UpstreamHttp. Each call
 * resolves the host, refuses the call if any address is private, loopback, link-local or reserved (AddressPolicy),
 * and connects to the checked address only: the agent's lookup is pinned, so a DNS answer that changes between the
 * check and the connect (rebinding) cannot redirect it. No redirects are followed; one attempt per call (the caller
 * owns retries); the whole call is bounded by `timeoutMs`.
 */
@Injectable()
export class ReceiverHttp implements OnApplicationShutdown {
  private readonly agents = new Map<string, Agent>();

  constructor(private readonly resolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true })) {}

  async check(rawUrl: string, policy: ReceiverPolicy): Promise<CheckedTarget> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new ReceiverRefusedError('the URL is not valid');
    }
    if (url.protocol !== 'https:' && (policy.httpsOnly || url.protocol !== 'http:')) {
      throw new ReceiverRefusedError(
        policy.httpsOnly ? 'the URL must use https' : 'the URL must use https or http',
      );
    }
    if (url.username || url.password) {
      throw new ReceiverRefusedError('the URL must not hold credentials');
    }
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: LookupAddress[];
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) }];
    } else {
      try {
        addresses = await this.resolve(host);
      } catch {
        throw new ReceiverRefusedError('the host name does not resolve');
      }
    }
    if (addresses.length === 0) {
      throw new ReceiverRefusedError('the host name does not resolve');
    }
    // Every address is checked, not only the first: a host that also resolves to a private address is refused.
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address, policy);
      if (reason) {
        throw new ReceiverRefusedError(`the host resolves to a ${reason}, which webhooks may not reach`);
      }
    }
    const [first] = addresses;
    return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
  }

  /** Checks the target again (every call), then POSTs once to the checked address. */
  async post(
    rawUrl: string,
    headers: Record<string, string>,
    body: string,
    timeoutMs: number,
    policy: ReceiverPolicy,
  ): Promise<ReceiverAnswer> {
    const target = await this.check(rawUrl, policy);
    // Our own timer, cleared when the call ends: AbortSignal.timeout's would outlive every call by the full timeout.
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new DOMException('the receiver did not answer in time', 'TimeoutError')),
      timeoutMs,
    );
    const signal = controller.signal;
    try {
      const response = await this.agent(target, timeoutMs).request({
        origin: target.url.origin,
        path: `${target.url.pathname}${target.url.search}`,
        method: 'POST',
        headers,
        body,
        signal,
      });
      await response.body.dump({ limit: MAX_ANSWER_BYTES }).catch(() => undefined);
      const retryAfter = response.headers['retry-after'];
      return {
        status: response.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      };
    } catch (e) {
      const name = (e as { name?: string; code?: string }).name;
      const code = (e as { code?: string }).code;
      const timedOut =
        signal.aborted ||
        name === 'TimeoutError' ||
        code === 'UND_ERR_HEADERS_TIMEOUT' ||
        code === 'UND_ERR_BODY_TIMEOUT' ||
        code === 'UND_ERR_CONNECT_TIMEOUT';
      throw new ReceiverUnreachableError(timedOut ? 'timeout' : 'connect');
    } finally {
      clearTimeout(timer);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.agents.values()].map((agent) => agent.destroy().catch(() => undefined)));
    this.agents.clear();
  }

  /** One keep-alive agent per origin and checked address; a new address gets a new agent, never a reused socket. */
  private agent(target: CheckedTarget, timeoutMs: number): Agent {
    const key = `${target.url.origin}|${target.address}`;
    let agent = this.agents.get(key);
    if (agent) {
      return agent;
    }
    if (this.agents.size >= MAX_AGENTS) {
      const [oldestKey, oldest] = this.agents.entries().next().value as [string, Agent];
      this.agents.delete(oldestKey);
      void oldest.close().catch(() => undefined);
    }
    const { address, family } = target;
    agent = new Agent({
      connect: {
        timeout: timeoutMs,
        // Pinned: whatever the host name resolves to now, the socket goes to the address that was checked.
        lookup: (_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
          if (options?.all) {
            callback(null, [{ address, family }]);
          } else {
            callback(null, address, family);
          }
        },
      } as object,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      keepAliveTimeout: 10_000,
      connections: 16,
      maxRedirections: 0,
    } as ConstructorParameters<typeof Agent>[0]);
    this.agents.set(key, agent);
    return agent;
  }
}
