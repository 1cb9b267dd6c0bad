import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ApiError, ErrorCode } from '../common/errors/api-error';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../upstreams/street-manager/street-manager-endpoints';

/** Which side of the street works process an organisation is on, as the worklists divide it. */
export type WorklistSide = 'highway_authority' | 'promoter';

const SIDE_OF_TYPE: Record<string, WorklistSide> = {
  HA: 'highway_authority',
  PROMOTER: 'promoter',
  CONTRACTOR: 'promoter',
};
const TYPE_WORDS: Record<string, string> = {
  HA: 'a highway authority',
  PROMOTER: 'a promoter',
  CONTRACTOR: 'a contractor',
};
const SIDE_WORDS: Record<WorklistSide, string> = {
  highway_authority: "a highway authority's worklist",
  promoter: "a promoter's (or its contractor's) worklist",
};

/** A caller asked for the other side's worklist: 403 naming the organisation and what it is. */
export class WrongSideError extends ApiError {
  constructor(list: string, side: WorklistSide, swaCode: string, type: string) {
    super(
      403,
      ErrorCode.FORBIDDEN,
      `${list} is ${SIDE_WORDS[side]}; your requests act in Street Manager for organisation ${swaCode}, ${TYPE_WORDS[type]}`,
    );
  }
}

/**
 * Tells whether the organisation a caller acts for in Street Manager (its own, or the default credential's) is a
 * highway authority or a promoter, before a worklist is asked for. Street Manager refuses the other side's list with
 * a 401, which the transport must first take for a stale token (one sign-in more per refused call); asking here keeps
 * sign-ins to one per credential and gives the caller a message that says why.
 *
 * An organisation's type never changes, and only organisations the gateway holds a credential for are looked up, so
 * the answers are kept for the life of the process (a handful of entries). Failures are not kept.
 */
@Injectable()
export class OrganisationKinds {
  private readonly types = new Map<string, string>();

  constructor(
    @Inject(STREET_MANAGER_ENDPOINTS) private readonly endpoints: StreetManagerEndpoints,
    private readonly party: PartyApiClient,
  ) {}

  /**
   * Resolves when the caller's organisation is on `side`; throws WrongSideError when it is not. When the gateway does
   * not know which organisation the caller acts for (a default credential configured without its SWA code), Street
   * Manager decides, and its refusal is a 403 like any other.
   */
  async require(caller: Caller, side: WorklistSide, list: string): Promise<void> {
    const swaCode = this.actingFor(caller);
    if (!swaCode) {
      return;
    }
    const type = await this.typeOf(caller, swaCode);
    const actual = SIDE_OF_TYPE[type];
    // A type added after V6 (`upcoming_enum`) is Street Manager's to judge.
    if (actual !== undefined && actual !== side) {
      throw new WrongSideError(list, side, swaCode, type);
    }
  }

  /**
   * The SWA code whose Street Manager credential the caller's calls use: its own organisation's (a bound caller the
   * gateway has no credential for gets the transport's 403 at the look-up), else the default credential's.
   */
  private actingFor(caller: Caller): string | undefined {
    if (caller.organisation) {
      return caller.organisation.padStart(4, '0');
    }
    return this.endpoints.credentials.find((c) => c.id === this.endpoints.defaultCredentialId)?.organisation;
  }

  private async typeOf(caller: Caller, swaCode: string): Promise<string> {
    const known = this.types.get(swaCode);
    if (known !== undefined) {
      return known;
    }
    const { organisation_type: type } = await this.party.getOrganisation(caller, swaCode);
    this.types.set(swaCode, type);
    return type;
  }
}
