import { FieldProblem } from '../common/errors/field-problem';
import { FeedbackStatus } from './feedback.entity';

export interface FeedbackDates {
  submittedAt: number;
  acceptedAt: number | null;
  shippedAt: number | null;
  declinedAt: number | null;
}

export type StageDate = Exclude<keyof FeedbackDates, 'submittedAt'>;

export interface FeedbackState extends FeedbackDates {
  status: FeedbackStatus;
}

export type StatusProblem = FieldProblem;

/** Where each status may go: forward along submitted → accepted → shipped, or to declined before shipping. */
const NEXT: Record<FeedbackStatus, FeedbackStatus[]> = {
  submitted: ['accepted', 'shipped', 'declined'],
  accepted: ['shipped', 'declined'],
  shipped: [],
  declined: [],
};

export function transitionProblem(
  from: FeedbackStatus,
  to: FeedbackStatus,
): StatusProblem | undefined {
  if (from === to || NEXT[from].includes(to)) return undefined;
  return {
    field: 'status',
    reason: `cannot change from ${from} to ${to}`,
    code: 'invalidTransition',
    kind: 'unprocessable',
  };
}

/**
 * The status and dates after moving `previous` (null for a new item) to `target`. Each stage
 * reached gets a date: the one given, else the one it had, else now (never before the stage
 * before it). Shipping straight from submitted accepts at the shipping date. Declining keeps
 * an earlier acceptance.
 */
export function applyFeedbackStatus(
  previous: FeedbackState | null,
  target: FeedbackStatus,
  given: Partial<Record<StageDate, number>> & { submittedAt: number },
  now: number,
): FeedbackState | StatusProblem {
  if (previous) {
    const problem = transitionProblem(previous.status, target);
    if (problem) return problem;
  }
  const wasAccepted = previous?.acceptedAt != null || given.acceptedAt !== undefined;
  const reached = new Set<StageDate>(
    target === 'submitted'
      ? []
      : target === 'accepted'
        ? ['acceptedAt']
        : target === 'shipped'
          ? ['acceptedAt', 'shippedAt']
          : wasAccepted
            ? ['acceptedAt', 'declinedAt']
            : ['declinedAt'],
  );
  for (const field of ['acceptedAt', 'shippedAt', 'declinedAt'] as StageDate[]) {
    if (given[field] !== undefined && !reached.has(field)) {
      return {
        field,
        reason: `does not belong to status ${target}`,
        code: 'statusMismatch',
        kind: 'invalid',
      };
    }
  }
  const state: FeedbackState = {
    status: target,
    submittedAt: given.submittedAt,
    acceptedAt: null,
    shippedAt: null,
    declinedAt: null,
  };
  let last: { field: string; at: number } = { field: 'submittedAt', at: given.submittedAt };
  for (const field of ['acceptedAt', 'shippedAt', 'declinedAt'] as StageDate[]) {
    if (!reached.has(field)) continue;
    const skippedAcceptance =
      field === 'acceptedAt' && target === 'shipped' && previous?.acceptedAt == null;
    const at =
      given[field] ??
      previous?.[field] ??
      (skippedAcceptance ? given.shippedAt : undefined) ??
      Math.max(now, last.at);
    if (at < last.at) {
      return {
        field,
        reason: `must not be before ${last.field}`,
        code: 'dateOrder',
        kind: 'unprocessable',
      };
    }
    state[field] = at;
    last = { field, at };
  }
  return state;
}
