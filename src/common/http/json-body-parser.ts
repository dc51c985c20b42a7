import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { bodyParserError } from '../errors/body-parser-error';
import { CommonErrorCode } from '../errors/common-error-code';
import { DomainError } from '../errors/domain-error';
import { inputProblems } from '../validation/input-problems';
import { validationFailed } from '../validation/validation-errors';
import { firstInvalidUtf8 } from './invalid-utf8';
import { readsRawBody } from './raw-body-routes';

/**
 * JSON bodies for every route but the raw-body ones (imports, inbound webhooks): invalid UTF-8 refused with where it is
 * (instead of U+FFFD stored silently), then one walk over the parsed value for what no field
 * accepts (deep nesting, NUL, lone surrogates, reserved keys) before guards and validation run.
 */
export function jsonBodyParser(limit: number | string): RequestHandler {
  const json = express.json({
    limit,
    type: ['application/json', 'application/*+json'],
    verify: refuseInvalidUtf8,
  });
  return (request: Request, response: Response, next: NextFunction) => {
    if (readsRawBody(request.path)) return next();
    json(request, response, (error?: unknown) => {
      if (error) return next(bodyParserError(error, request.headers['content-encoding']));
      const problems = inputProblems(request.body);
      next(problems.length > 0 ? validationFailed(problems) : undefined);
    });
  };
}

function refuseInvalidUtf8(
  _request: unknown,
  _response: unknown,
  body: Buffer,
  encoding: string | null,
): void {
  if ((encoding !== null && encoding !== 'utf-8' && encoding !== 'utf8') || isUtf8(body)) return;
  const position = firstInvalidUtf8(body);
  if (!position) return;
  const where = `line ${position.line}, column ${position.column} (byte ${position.offset})`;
  throw new DomainError(
    'invalid',
    CommonErrorCode.BODY_UNREADABLE,
    `the body is not valid UTF-8 at ${where}`,
    [{ field: '(body)', reason: `is not valid UTF-8 at ${where}`, code: 'invalidUtf8' }],
  );
}
