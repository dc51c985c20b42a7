import { DomainError } from './domain-error';
import { CommonErrorCode } from './common-error-code';

/** A refusal computed by pure code (no Nest imports), turned into a DomainError at the service edge. */
export interface FieldProblem {
  field: string;
  reason: string;
  code: string;
  /** invalid (400): the input does not fit; unprocessable (422): it breaks a rule. */
  kind: 'invalid' | 'unprocessable';
}

export function isFieldProblem(value: object): value is FieldProblem {
  return 'reason' in value && 'field' in value;
}

/** `invalidTransition` becomes the error code `INVALID_TRANSITION`; invalid input is `VALIDATION_FAILED`. */
export function fieldProblemError(problem: FieldProblem): DomainError {
  const code =
    problem.kind === 'invalid'
      ? CommonErrorCode.VALIDATION_FAILED
      : problem.code.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return new DomainError(problem.kind, code, `${problem.field} ${problem.reason}`, [
    { field: problem.field, reason: problem.reason, code: problem.code },
  ]);
}
