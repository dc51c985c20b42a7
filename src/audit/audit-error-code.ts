/** The audit module's error codes. Clients rely on these strings: never rename one. */
export enum AuditErrorCode {
  AUDIT_ENTRY_NOT_FOUND = 'AUDIT_ENTRY_NOT_FOUND',
}
