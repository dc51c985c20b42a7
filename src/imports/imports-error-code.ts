/** The imports module's error codes. Clients rely on these strings: never rename one. */
export enum ImportsErrorCode {
  IMPORT_TYPE_NOT_FOUND = 'IMPORT_TYPE_NOT_FOUND',
  INVALID_CSV_HEADER = 'INVALID_CSV_HEADER',
}
