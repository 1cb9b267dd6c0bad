import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ErrorCode } from './api-error';

/* The one error body (DESIGN.md §4) as OpenAPI components, so every operation can reference it. */

@ApiSchema({ name: 'ErrorDetail' })
export class ErrorDetailDto {
  @ApiPropertyOptional({
    description: 'the field (dotted path for nested fields) the detail is about',
    example: 'proposedEndDate',
  })
  field?: string;

  @ApiProperty({ example: 'must be on or after proposedStartDate' })
  message!: string;
}

@ApiSchema({ name: 'Error' })
export class ErrorDto {
  @ApiProperty({
    enum: Object.values(ErrorCode),
    enumName: 'ErrorCode',
    description: 'stable; clients may switch on it',
  })
  code!: ErrorCode;

  @ApiProperty({
    description: 'for people, not programs; may change',
    example: 'proposedEndDate must be on or after proposedStartDate',
  })
  message!: string;

  @ApiPropertyOptional({
    type: [ErrorDetailDto],
    description: 'one entry per field that failed, when fields failed',
  })
  details?: ErrorDetailDto[];

  @ApiProperty({
    description: 'the X-Request-Id of the request; quote it when reporting a problem',
    example: '9f1c6a52-3c1e-4c8e-9a55-0d2f8f1f4b7e',
  })
  requestId!: string;
}

@ApiSchema({ name: 'ErrorResponse', description: 'The body of every error response, whatever the status.' })
export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDto })
  error!: ErrorDto;
}
