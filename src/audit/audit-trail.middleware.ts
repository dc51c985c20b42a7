import { NextFunction, Request, RequestHandler, Response } from 'express';
import { auditOf } from '../common/http/audit-context';
import { AnsweredRequest, AuditDraft, auditDraft } from './audit-draft';
import { AuditWriter } from './audit-writer.service';

type HaloRequest = Request & { requestId?: string };

/** How long the entry of an abandoned request waits for its handler to finish. */
const HANDLER_WAIT_MS = 5 * 60_000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Watches every API request and, once its answer has gone (or its client has gone), hands the
 * entry it leaves to the writer: the client never waits for the audit. Mounted right after the
 * request context (configure-app), before the body parser, so a refusal anywhere is seen.
 */
export function auditTrail(writer: AuditWriter): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    if (!request.path.startsWith('/api/') && !request.path.startsWith('/docs')) return next();
    let seen = false;
    const done = () => {
      if (seen) return;
      seen = true;
      void writer.record(draftOf(request, response));
    };
    response.once('finish', done);
    response.once('close', done);
    next();
  };
}

async function draftOf(request: Request, response: Response): Promise<AuditDraft | null> {
  const audit = auditOf(request);
  const answered = response.headersSent;
  // A client that left mid-request: the handler may still be writing; its entry says what it did.
  if (!answered && audit.settled) await Promise.race([audit.settled, pause(HANDLER_WAIT_MS)]);
  return auditDraft(answeredRequest(request, answered ? response.statusCode : null));
}

function answeredRequest(request: Request, statusCode: number | null): AnsweredRequest {
  const route = (request.route as { path?: unknown } | undefined)?.path;
  return {
    method: request.method,
    route: typeof route === 'string' ? `${request.baseUrl}${route}` : null,
    params: (request.params ?? {}) as Record<string, unknown>,
    body: request.body as unknown,
    statusCode,
    requestId: (request as HaloRequest).requestId ?? null,
    remoteAddress: remoteAddress(request.ip),
    audit: auditOf(request),
  };
}

/** The client's address as the trust-proxy setting (TRUST_PROXY) decides it; IPv4 without ::ffff:. */
function remoteAddress(ip: string | undefined): string | null {
  if (!ip) return null;
  return (ip.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip).slice(0, 64);
}
