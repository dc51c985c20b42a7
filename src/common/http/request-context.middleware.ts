import { Logger } from '@nestjs/common';
import { NextFunction, Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { auditOf } from './audit-context';

export type HaloRequest = Request & { requestId: string };

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const logger = new Logger('HTTP');

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane), echoes it in the
 * response, and logs one structured line when the response is done. Headers are not
 * logged: they carry API keys; the acting key's id is. Every answer says `nosniff` (a JSON or CSV answer is never run
 * as a script or page); API answers hold personal data and figures of the moment, so no cache
 * (browser or proxy) keeps them: `Cache-Control: no-store`. Every answer also refuses framing
 * and sends no referrer; API answers forbid any content (they are data, never a page), and
 * https answers ask browsers to stay on https (HSTS).
 */
export function requestContext(request: Request, response: Response, next: NextFunction): void {
  const incoming = request.header('x-request-id');
  const requestId = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  (request as HaloRequest).requestId = requestId;
  response.setHeader('X-Request-Id', requestId);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Referrer-Policy', 'no-referrer');
  if (request.secure) response.setHeader('Strict-Transport-Security', 'max-age=31536000');
  if (request.path.startsWith('/api/') || request.path === '/health') {
    response.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
  if (request.path.startsWith('/api/')) response.setHeader('Cache-Control', 'no-store');
  const started = process.hrtime.bigint();
  response.on('finish', () => {
    const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
    const actor = auditOf(request).actor;
    logger.log({
      requestId,
      method: request.method,
      path: request.path,
      status: response.statusCode,
      // Who acted (the key's id, never its secret); the audit log has the rest.
      actor: actor?.kind ?? null,
      keyId: actor?.keyId ?? null,
      durationMs: Math.round(durationMs * 10) / 10,
    });
  });
  next();
}
