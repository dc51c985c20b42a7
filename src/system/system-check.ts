import { ReasonLanguage } from '../common/language/reason-language';

/** Why the service is degraded: a stable code and the figures its sentence needs (no ids). */
export interface SystemReason {
  code: string;
  params: Record<string, string | number | null>;
}

/** What one check found: details for GET /api/v1/system, reasons for /health. */
export interface SystemCheckResult {
  details: object;
  reasons: SystemReason[];
}

/**
 * One section of the operations summary. Modules add theirs to SystemChecks (the recompute,
 * digests and database checks are registered by the system module; webhooks register their
 * own), and the summary shows each under its name.
 */
export interface SystemCheck {
  readonly name: string;
  run(now: number): Promise<SystemCheckResult>;
  /** The reason in words, in the request's language; said from its params, never stored. */
  describe(reason: SystemReason, language: ReasonLanguage): string;
}
