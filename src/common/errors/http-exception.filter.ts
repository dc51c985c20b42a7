import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Inject,
  Logger,
  Optional,
} from '@nestjs/common';
import { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { CommonErrorCode } from './common-error-code';
import { DomainError, ErrorDetail, ErrorKind } from './domain-error';
import { ErrorBody } from './error-body';
import { ERROR_TRANSLATORS, ErrorTranslator } from './error-translator';

const STATUS_BY_KIND: Record<ErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
};

const CODE_BY_STATUS: Record<number, string> = {
  400: CommonErrorCode.BAD_REQUEST,
  401: CommonErrorCode.UNAUTHORIZED,
  403: CommonErrorCode.FORBIDDEN,
  404: CommonErrorCode.NOT_FOUND,
  405: CommonErrorCode.METHOD_NOT_ALLOWED,
  409: CommonErrorCode.CONFLICT,
  413: CommonErrorCode.PAYLOAD_TOO_LARGE,
  415: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE,
  422: CommonErrorCode.UNPROCESSABLE,
  429: CommonErrorCode.TOO_MANY_REQUESTS,
};

/** Maps every error to the one body shape; nothing internal (stack, SQL) ever leaves. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(
    @Optional()
    @Inject(ERROR_TRANSLATORS)
    private readonly translators: ErrorTranslator[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request & { requestId?: string }>();
    const response = context.getResponse<Response>();
    const body = this.toBody(exception, request.requestId ?? null);
    if (body.statusCode >= 500) {
      this.logger.error(
        { requestId: body.requestId, path: request.path, error: describe(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, requestId: string | null): ErrorBody {
    const exception = this.translate(error);
    if (exception instanceof DomainError) {
      return shape(
        STATUS_BY_KIND[exception.kind],
        exception.code,
        exception.message,
        exception.details,
        requestId,
      );
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const payload = exception.getResponse();
      if (typeof payload === 'object' && payload && 'details' in payload && 'code' in payload) {
        const { code, message, details } = payload as {
          code: string;
          message: string;
          details: ErrorDetail[];
        };
        return shape(status, code, message, details, requestId);
      }
      const message =
        typeof payload === 'string'
          ? payload
          : ((payload as { message?: unknown }).message ?? exception.message);
      return shape(
        status,
        CODE_BY_STATUS[status] ?? CommonErrorCode.ERROR,
        String(message),
        [],
        requestId,
      );
    }
    return shape(
      500,
      CommonErrorCode.INTERNAL,
      'an unexpected error occurred; quote the requestId when reporting it',
      [],
      requestId,
    );
  }

  /** The error as a lower layer's translator says it; the error itself when none knows it. */
  private translate(error: unknown): unknown {
    if (error instanceof DomainError || error instanceof HttpException) return error;
    for (const translator of this.translators) {
      const translated = translator(error);
      if (translated) return translated;
    }
    return error;
  }
}

/** Error bodies stay small whatever the input named (a 79 KB CSV header, thousands of fields). */
export const MAX_ERROR_DETAILS = 50;
const MAX_MESSAGE_CHARS = 1_000;
const MAX_DETAIL_CHARS = 200;

function shape(
  statusCode: number,
  code: string,
  message: string,
  details: ErrorDetail[],
  requestId: string | null,
): ErrorBody {
  const kept = details.slice(0, MAX_ERROR_DETAILS).map((detail) => ({
    field: cut(detail.field, MAX_DETAIL_CHARS),
    reason: cut(detail.reason, MAX_DETAIL_CHARS),
    code: detail.code,
  }));
  if (details.length > MAX_ERROR_DETAILS)
    kept.push({
      field: '(more)',
      reason: `and ${details.length - MAX_ERROR_DETAILS} more problems`,
      code: 'truncated',
    });
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    code,
    message: cut(message, MAX_MESSAGE_CHARS),
    requestId,
    details: kept,
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
