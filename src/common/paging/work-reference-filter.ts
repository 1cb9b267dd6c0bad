import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/**
 * `?workReferenceNumber=` on the lists of things that belong to a work (inspections, FPNs, comments, ...). Street
 * Manager's reporting API has no exact work filter; its reference search (`query`) is used, which matches references
 * that contain the text, so a full work reference selects that work's items.
 */
export function WorkReferenceFilter(items: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `Only ${items} of this work (Street Manager's reference search: references containing this text).`,
      example: 'NGN0000123',
    }),
    IsOptional(),
    Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' }),
  );
}
