import { Injectable, Logger } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { UpstreamBadResponseError, UpstreamForbiddenError } from '../http/upstream-errors';
import { InnerApiClient } from './inner-api.client';
import { WORKS_REGISTER } from './inner-apis-endpoints';

/** The organisation's own record of a work: its job number, cost centre and team for a Street Manager reference. */
export interface WorksRegisterEntry {
  workReferenceNumber: string;
  jobNumber: string;
  costCentre: string;
  contactTeam: string;
  notes: string;
  updatedAt: string;
}

const FIELDS = [
  'workReferenceNumber',
  'jobNumber',
  'costCentre',
  'contactTeam',
  'notes',
  'updatedAt',
] as const;
const UPSTREAM = `inner-${WORKS_REGISTER}`;

/** The works register inner API (`GET {baseUrl}/works/{workReferenceNumber}`), used to enrich works. */
@Injectable()
export class WorksRegisterClient {
  private readonly logger = new Logger('WorksRegisterClient');

  constructor(private readonly inner: InnerApiClient) {}

  /** false when no works register is configured: enrichment is then simply skipped */
  get configured(): boolean {
    return this.inner.has(WORKS_REGISTER);
  }

  /**
   * The register is the gateway operator's own data, not Street Manager's, so Street Manager's visibility rules do
   * not cover it: it is shown to internal Azure AD clients, to unbound subscriptions (they act with the operator's
   * default credential) and to callers bound to one of the organisations the register belongs to.
   */
  mayRead(caller: Caller): boolean {
    return (
      caller.kind === 'azure-ad' ||
      caller.organisation === undefined ||
      this.inner.organisationsOf(WORKS_REGISTER).includes(caller.organisation)
    );
  }

  /** The register's entry, or undefined when the register has none for this work. */
  async getEntry(workReferenceNumber: string, signal?: AbortSignal): Promise<WorksRegisterEntry | undefined> {
    const response = await this.inner.request(WORKS_REGISTER, {
      method: 'GET',
      path: `/works/${encodeURIComponent(workReferenceNumber)}`,
      operation: 'getWorksRegisterEntry',
      signal,
    });
    if (response.status === 404) {
      return undefined;
    }
    if (response.status === 401 || response.status === 403) {
      this.logger.warn({ status: response.status }, 'the works register refused the gateway');
      throw new UpstreamForbiddenError('the works register does not allow the gateway to read this work');
    }
    if (response.status !== 200) {
      throw new UpstreamBadResponseError(UPSTREAM, 'bad-status');
    }
    let body: unknown;
    try {
      body = JSON.parse(response.body.toString('utf8'));
    } catch {
      throw new UpstreamBadResponseError(UPSTREAM, 'bad-body');
    }
    const record = body as Record<string, unknown> | null;
    if (!record || typeof record !== 'object' || !FIELDS.every((f) => typeof record[f] === 'string')) {
      throw new UpstreamBadResponseError(UPSTREAM, 'bad-body');
    }
    return Object.fromEntries(FIELDS.map((f) => [f, record[f]])) as unknown as WorksRegisterEntry;
  }
}
