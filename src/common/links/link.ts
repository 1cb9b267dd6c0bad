import { ApiProperty } from '@nestjs/swagger';
import { organisationPath, streetPath } from './paths';

export type LinkMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** A hypermedia link (DESIGN.md §3): what the relation is, where, and with which method. */
export interface Link {
  rel: string;
  href: string;
  type: LinkMethod;
}

export class LinkDto implements Link {
  @ApiProperty({
    description: 'Relation of the target to this resource (self, permits, update-status, next-page, ...)',
    example: 'self',
  })
  rel!: string;

  @ApiProperty({
    description: 'Absolute path of the target, including any query string',
    example: '/v1/works/TSR1591199404915',
  })
  href!: string;

  @ApiProperty({
    description: 'HTTP method to use on the target',
    enum: ['GET', 'POST', 'PUT', 'DELETE'],
    example: 'GET',
  })
  type!: LinkMethod;
}

/**
 * Builds a resource's links: itself, related resources, and the writes the caller may make. A write link is
 * only added when the caller holds its permission, so links never advertise what would answer 403.
 *
 *   links(caller)
 *     .self('/v1/works/ABC')
 *     .related('permits', '/v1/permits?workReferenceNumber=ABC')
 *     .action('create-permit', '/v1/works/ABC/permits', 'POST', Permission.PROMOTER_WRITE)
 *     .build()
 */
/** Whom the links are for: only their permissions matter (the edge's Caller is one). */
export interface LinkAudience<P extends string> {
  readonly permissions: readonly P[];
}

export class LinkBuilder<P extends string = string> {
  private readonly items: Link[] = [];

  constructor(private readonly caller: LinkAudience<P> | undefined) {}

  self(href: string): this {
    return this.related('self', href);
  }

  related(rel: string, href: string | undefined): this {
    if (href !== undefined) {
      this.items.push({ rel, href, type: 'GET' });
    }
    return this;
  }

  /** Where a thing is and whose it is: its street and the two organisations, each when known. */
  place(facts: {
    usrn?: number | null;
    highwayAuthoritySwaCode?: string | null;
    promoterSwaCode?: string | null;
  }): this {
    return this.related('street', streetPath(facts.usrn))
      .related('highway-authority', organisationPath(facts.highwayAuthoritySwaCode))
      .related('promoter', organisationPath(facts.promoterSwaCode));
  }

  action(rel: string, href: string, type: Exclude<LinkMethod, 'GET'>, permission: P, when = true): this {
    if (when && this.caller?.permissions.includes(permission)) {
      this.items.push({ rel, href, type });
    }
    return this;
  }

  build(): Link[] {
    return this.items;
  }
}

export function links<P extends string>(caller: LinkAudience<P> | undefined): LinkBuilder<P> {
  return new LinkBuilder(caller);
}
