import { Body, Controller, Get, Module, Param, Post, Query } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Caller } from '../../../src/auth/caller';
import { CurrentCaller } from '../../../src/auth/current-caller.decorator';
import { Permission } from '../../../src/auth/permissions';
import { Public } from '../../../src/auth/public.decorator';
import { RequirePermission } from '../../../src/auth/require-permission.decorator';
import { CollectionQueryDto } from '../../../src/common/paging/collection-query.dto';

class ProbeBodyDto {
  @IsString()
  @MaxLength(50)
  name!: string;

  @IsOptional()
  nested?: unknown;
}

/** Test-only routes standing in for the resources: one per permission, a public one, a body and a collection. */
@Controller({ path: 'security-probes', version: '1' })
class ProbeController {
  @Get()
  @RequirePermission(Permission.READ)
  list(@Query() query: CollectionQueryDto, @CurrentCaller() caller: Caller): object {
    return { query, clientId: caller.clientId };
  }

  @Get('public')
  @Public()
  open(@CurrentCaller() caller: Caller | undefined): object {
    return { caller: caller ?? null };
  }

  @Get(':reference')
  @RequirePermission(Permission.READ)
  one(@Param('reference') reference: string): object {
    return { reference };
  }

  @Post()
  @RequirePermission(Permission.PROMOTER_WRITE)
  create(@Body() body: ProbeBodyDto, @CurrentCaller() caller: Caller): object {
    return {
      name: body.name,
      userIdentifier: caller.userIdentifier,
      organisation: caller.organisation ?? null,
    };
  }

  @Post('assessments')
  @RequirePermission(Permission.AUTHORITY_WRITE)
  assess(): object {
    return { assessed: true };
  }
}

@Module({ controllers: [ProbeController] })
export class ProbeModule {}
