import { DeliveryStatus } from '../digest-delivery.entity';

const MAX_RESPONSE = 1000;

export interface RetryPolicy {
  maxAttempts: number;
  backoffSeconds: number;
  backoffMaxSeconds: number;
}

export interface FailedAttempt {
  status: DeliveryStatus;
  nextAttemptAt: number | null;
  response: string;
}

/**
 * A refusal of the recipient or the message itself (a 5xx answer to RCPT TO or DATA) is
 * permanent: sending again would be refused again. Everything else (connection refused,
 * timeouts, 4xx, a 5xx to the login, which is the operator's to fix) may pass later.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500 &&
    responseCode < 600
  );
}

/** After attempt number `attempts` failed at `now`: retry later, or give up. */
export function afterFailure(
  error: unknown,
  attempts: number,
  now: number,
  policy: RetryPolicy,
): FailedAttempt {
  const response = describeError(error);
  if (isPermanentRefusal(error))
    return { status: 'failed-permanent', nextAttemptAt: null, response };
  if (attempts >= policy.maxAttempts) return { status: 'failed', nextAttemptAt: null, response };
  return { status: 'retrying', nextAttemptAt: now + backoffMs(attempts, policy), response };
}

/** Doubles from the base wait with each failed attempt, up to the maximum. */
export function backoffMs(attempts: number, policy: RetryPolicy): number {
  const seconds = policy.backoffSeconds * 2 ** Math.max(0, attempts - 1);
  return Math.min(seconds, policy.backoffMaxSeconds) * 1000;
}

export function describeError(error: unknown): string {
  const { code, responseCode, message } = (error ?? {}) as {
    code?: string;
    responseCode?: number;
    message?: string;
  };
  const text = [code, responseCode, message ?? String(error)].filter(Boolean).join(' ');
  return text.slice(0, MAX_RESPONSE);
}
