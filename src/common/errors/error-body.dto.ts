import { ApiProperty } from '@nestjs/swagger';
import { CommonErrorCode } from './common-error-code';
import { ErrorDetail } from './domain-error';
import { ErrorBody } from './error-body';

export class ErrorDetailDto implements ErrorDetail {
  @ApiProperty({ example: 'email' }) field!: string;
  @ApiProperty({ example: 'must be an email' }) reason!: string;
  @ApiProperty({ example: 'isEmail', description: 'The rule that refused the field.' })
  code!: string;
}

/** The OpenAPI schema of every refusal; the document lists the codes (src/openapi-document.ts). */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 400 }) statusCode!: number;
  @ApiProperty({ example: 'Bad Request' }) error!: string;
  @ApiProperty({ example: CommonErrorCode.VALIDATION_FAILED, description: 'Stable for clients.' })
  code!: string;
  @ApiProperty({ example: 'email must be an email' }) message!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Echoes X-Request-Id.' })
  requestId!: string | null;
  @ApiProperty({ type: [ErrorDetailDto] }) details!: ErrorDetailDto[];
}
