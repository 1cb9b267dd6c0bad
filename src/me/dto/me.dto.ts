import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { ALL_PERMISSIONS, type Permission } from '../../auth/permissions';

export class RateLimitDto {
  @ApiProperty({ description: 'Name of the window in the product', example: 'per-second' })
  name!: string;

  @ApiProperty({ description: 'Requests allowed per window', example: 50 })
  limit!: number;

  @ApiProperty({ description: 'Length of the window in seconds', example: 1 })
  windowSeconds!: number;

  @ApiProperty({ description: 'Requests left in the current window, this one counted', example: 49 })
  remaining!: number;

  @ApiProperty({
    description: 'When the current window ends (UTC)',
    example: '2026-08-09T13:58:08Z',
    format: 'date-time',
  })
  resetsAt!: string;
}

export class MeDto {
  @ApiProperty({
    description: 'Client identity: the subscription id, or the Azure AD application (client) id',
    example: 'acme-utilities',
  })
  clientId!: string;

  @ApiProperty({
    description: 'Which credential identified the caller',
    enum: ['subscription-key', 'azure-ad'],
    example: 'subscription-key',
  })
  credentialKind!: 'subscription-key' | 'azure-ad';

  @ApiProperty({
    description: 'Subscription name, or the application name configured for the client',
    example: 'Acme Utilities',
  })
  name!: string;

  @ApiProperty({ description: 'Product whose rate limits apply', example: 'default' })
  product!: string;

  @ApiProperty({
    description: 'What the caller may do',
    enum: ALL_PERMISSIONS,
    isArray: true,
    example: ALL_PERMISSIONS,
  })
  permissions!: Permission[];

  @ApiPropertyOptional({
    description:
      'Street Manager SWA code of the organisation the caller acts for; absent when the caller is not bound to one',
    example: '7374',
  })
  organisation?: string;

  @ApiProperty({
    description: "The caller's rate-limit windows, as they stand after this request",
    type: [RateLimitDto],
  })
  rateLimits!: RateLimitDto[];

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}
