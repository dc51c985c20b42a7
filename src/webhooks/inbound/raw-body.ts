import { Request } from 'express';
import { isUtf8 } from 'node:buffer';
import { DomainError } from '../../common/errors/domain-error';
import { CommonErrorCode } from '../../common/errors/common-error-code';
import { inputProblems } from '../../common/validation/input-problems';
import { validationFailed } from '../../common/validation/validation-errors';
import { quoteLargeIntegers } from '../mappers/large-integers';

/**
 * The request's bytes as sent, at most `limit` of them: the HMAC is computed over exactly these.
 * A declared or actual size over the limit is a 413 before anything else is read.
 */
export async function readRawBody(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    if (size > limit) {
      request.unpipe();
      request.resume();
      throw tooLarge(limit);
    }
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** The verified body as JSON, refused with the house shape where it is not one Halo can store. */
export function parseJsonBody(
  body: Buffer,
  options: { exactIds?: boolean } = {},
): Record<string, unknown> {
  if (!isUtf8(body))
    throw new DomainError(
      'invalid',
      CommonErrorCode.BODY_UNREADABLE,
      'the body is not valid UTF-8',
    );
  let value: unknown;
  try {
    const text = body.toString('utf8');
    value = JSON.parse(options.exactIds ? quoteLargeIntegers(text) : text);
  } catch {
    throw new DomainError('invalid', CommonErrorCode.MALFORMED_JSON, 'the body is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new DomainError(
      'invalid',
      CommonErrorCode.BODY_UNREADABLE,
      'the body must be a JSON object',
    );
  const problems = inputProblems(value);
  if (problems.length) throw validationFailed(problems);
  return value as Record<string, unknown>;
}

function tooLarge(limit: number): DomainError {
  return new DomainError(
    'too_large',
    CommonErrorCode.PAYLOAD_TOO_LARGE,
    `a webhook body may hold at most ${limit} bytes`,
  );
}
