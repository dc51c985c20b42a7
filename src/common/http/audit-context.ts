import { Request } from 'express';

/** Who did something: a Bearer key, the dashboard's session, a webhook source, Halo itself, or nobody known. */
export const AUDIT_ACTOR_KINDS = [
  'key',
  'session',
  'webhookSource',
  'system',
  'anonymous',
] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

export interface AuditActor {
  kind: AuditActorKind;
  /** The key's (or webhook source's) id and name, copied at write time; never a secret. */
  keyId: string | null;
  keyName: string | null;
}

/** What a handler answered that the audit keeps: record ids and, for imports, counts; never a body. */
export interface AuditedResult {
  recordIds: string[];
  details: Record<string, string | number> | null;
}

/**
 * What the layers a request passes through tell the audit trail about it: auth says who (or
 * that a presented key failed), the capture interceptor that a handler ran and what it answered.
 * It lives on the request so that auth and the dashboard need not import the audit module.
 */
export interface RequestAudit {
  actor?: AuditActor;
  /** Set where auth counts a failed authentication; the prefix only when it is a Halo key's. */
  failedAuthentication?: { keyPrefix: string | null };
  /** A route handler was reached (the guard let the request through). */
  handled?: boolean;
  /** Settles when the handler has: an aborted request waits for it before its entry is written. */
  settled?: Promise<unknown>;
  result?: AuditedResult;
}

type AuditedRequest = Request & { audit?: RequestAudit };

/** The request's audit notes, created on first use. */
export function auditOf(request: Request): RequestAudit {
  const audited = request as AuditedRequest;
  audited.audit ??= {};
  return audited.audit;
}

/** Says who acts on this request (the guard, sign-in and sign-out, a webhook source). */
export function setAuditActor(request: Request, actor: AuditActor): void {
  auditOf(request).actor = actor;
}
