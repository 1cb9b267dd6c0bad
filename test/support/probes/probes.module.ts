import { Body, Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { Public } from '../../../src/auth/public.decorator';
import { ValidationFailedError } from '../../../src/common/errors/api-error';
import { MediaType } from '../../../src/common/negotiation/media-types';
import { Produces } from '../../../src/common/negotiation/produces.decorator';
import { Representation } from '../../../src/common/negotiation/representation';

/*
 * A test-only resource for exercising the edge (errors, negotiation, logging) before the real resources exist.
 * It is imported beside AppModule by the foundation e2e specs only; it is never part of the production app.
 */

export class CreateProbeDto {
  @IsString()
  @MaxLength(20)
  name!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  count?: number;

  @IsOptional()
  @IsDateString()
  startDate?: string;

  @IsOptional()
  @IsDateString()
  endDate?: string;

  @IsOptional()
  @IsString()
  password?: string;
}

const PROBES = [
  { probeId: 'p-1', name: 'first', tags: ['a', 'b'], location: { easting: 1, northing: 2 } },
  { probeId: 'p-2', name: 'second & <third>', tags: [], location: null },
];

@Public()
@Controller({ path: 'probes', version: '1' })
export class ProbesController {
  @Get()
  list(): object {
    return {
      metadata: { resultset: { count: PROBES.length, offset: 0, limit: 20 } },
      results: PROBES.map((p) => ({
        ...p,
        links: [{ rel: 'self', href: `/v1/probes/${p.probeId}`, type: 'GET' }],
      })),
      links: [{ rel: 'self', href: '/v1/probes', type: 'GET' }],
    };
  }

  @Get('failures')
  fail(): never {
    throw new Error('database password=hunter2 at /srv/secret/path.ts:42');
  }

  @Get(':probeId')
  one(@Param('probeId') probeId: string): object {
    return PROBES.find((p) => p.probeId === probeId) ?? { probeId, name: 'made up' };
  }

  @Post()
  @HttpCode(201)
  create(@Body() body: CreateProbeDto): object {
    if (body.startDate && body.endDate && body.endDate < body.startDate) {
      throw new ValidationFailedError([{ field: 'endDate', message: 'must be on or after startDate' }]);
    }
    return { probeId: 'p-3', name: body.name };
  }
}

@Public()
@Controller({ path: 'probe-areas', version: '1' })
export class ProbeAreasController {
  @Get()
  @Produces(MediaType.GEO_JSON)
  list(@Representation() representation: string): object {
    if (representation === MediaType.GEO_JSON) {
      return {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-0.1, 51.5] },
            properties: { name: 'x' },
          },
        ],
      };
    }
    return { results: [{ name: 'x', location: { type: 'Point', coordinates: [-0.1, 51.5] } }], links: [] };
  }
}

@Module({ controllers: [ProbesController, ProbeAreasController] })
export class ProbesModule {}
