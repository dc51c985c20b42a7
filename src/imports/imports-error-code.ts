/** The imports module's error codes. Clients rely on these strings: never rename one. */
export enum ImportsErrorCode {
  IMPORT_TYPE_NOT_FOUND = 'IMPORT_TYPE_NOT_FOUND',
  INVALID_CSV_HEADER = 'INVALID_CSV_HEADER',
  /** No kept import has this id. */
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  /** `?importId=` names an import that exists. */
  IMPORT_ID_TAKEN = 'IMPORT_ID_TAKEN',
  /** The import cannot be undone: undone already, still running, or a dry run. */
  IMPORT_NOT_UNDOABLE = 'IMPORT_NOT_UNDOABLE',
}
