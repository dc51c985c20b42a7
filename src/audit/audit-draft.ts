import { AuditActor, RequestAudit } from '../common/http/audit-context';
import { AUTH_FAILED, auditedRoute, isAudited } from './audit-actions';
import { AuditOutcome } from './audit-entry.entity';
import { isUuid } from './audited-result';

/** What an audited request looked like once answered: the route pattern, never the raw url. */
export interface AnsweredRequest {
  method: string;
  /** The matched route's pattern (`/api/v1/members/:id`); null when no route matched. */
  route: string | null;
  params: Record<string, unknown>;
  body: unknown;
  /** null when the client went away before an answer was sent. */
  statusCode: number | null;
  requestId: string | null;
  remoteAddress: string | null;
  audit: RequestAudit;
}

/** An entry about to be written. */
export interface AuditDraft {
  actor: AuditActor;
  keyPrefix: string | null;
  action: string;
  /** null for what no request did (a retention run). */
  method: string | null;
  route: string | null;
  statusCode: number | null;
  outcome: AuditOutcome;
  requestId: string | null;
  remoteAddress: string | null;
  recordIds: string[];
  details: Record<string, string | number> | null;
}

/** More ids than this on one entry are left out (no route names that many). */
const MAX_RECORD_IDS = 10;
const ANONYMOUS: AuditActor = { kind: 'anonymous', keyId: null, keyName: null };

/**
 * The entry a request leaves, or null when it leaves none. A failed authentication always
 * leaves one (anonymous). Otherwise writes under /api/v1 and the reads the verb table names
 * (an export) do, once someone is known to act (the guard authenticated a key, even one it then
 * refused) or a public handler ran (a webhook): a write with no key at all did nothing and names
 * no one, so it is left to the request log rather than letting anyone fill the table.
 */
export function auditDraft(request: AnsweredRequest): AuditDraft | null {
  const { audit } = request;
  const base = {
    method: request.method,
    route: request.route,
    statusCode: request.statusCode,
    requestId: request.requestId,
    remoteAddress: request.remoteAddress,
  };
  if (audit.failedAuthentication) {
    return {
      ...base,
      actor: ANONYMOUS,
      keyPrefix: audit.failedAuthentication.keyPrefix,
      action: AUTH_FAILED,
      outcome: 'refused',
      recordIds: [],
      details: null,
    };
  }
  if (!isAudited(request.method, request.route) || !(audit.actor || audit.handled)) return null;
  const { action, bodyIds = [] } = auditedRoute(request.method, request.route!);
  const body = request.body !== null && typeof request.body === 'object' ? request.body : {};
  const ids = [
    ...Object.entries(request.params)
      .filter(([name]) => name === 'id' || name.endsWith('Id'))
      .map(([, value]) => value),
    ...bodyIds.map((field) => (body as Record<string, unknown>)[field]),
    ...(audit.result?.recordIds ?? []),
  ]
    .filter(isUuid)
    .map((id) => id.toLowerCase());
  return {
    ...base,
    actor: audit.actor ?? ANONYMOUS,
    keyPrefix: null,
    action,
    outcome: outcomeOf(request.statusCode, audit),
    recordIds: [...new Set(ids)].slice(0, MAX_RECORD_IDS),
    details: audit.result?.details ?? null,
  };
}

/** A 2xx or 3xx is a success; any 4xx or 5xx a refusal; no answer at all, what the handler did. */
function outcomeOf(statusCode: number | null, audit: RequestAudit): AuditOutcome {
  if (statusCode === null) return audit.result ? 'success' : 'refused';
  return statusCode < 400 ? 'success' : 'refused';
}

/** An entry for what Halo did by itself or an operator did on the command line: no request. */
export function systemDraft(
  action: string,
  recordIds: string[] = [],
  details: Record<string, string | number> | null = null,
): AuditDraft {
  return {
    actor: { kind: 'system', keyId: null, keyName: null },
    keyPrefix: null,
    action,
    method: null,
    route: null,
    statusCode: null,
    outcome: 'success',
    requestId: null,
    remoteAddress: null,
    recordIds,
    details,
  };
}
