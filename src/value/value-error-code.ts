/** The value module's error codes. Clients rely on these strings: never rename one. */
export enum ValueErrorCode {
  VALUE_NOT_COMPUTED = 'VALUE_NOT_COMPUTED',
  MODEL_NOT_FITTED = 'MODEL_NOT_FITTED',
  RECOMPUTE_IN_PROGRESS = 'RECOMPUTE_IN_PROGRESS',
}
