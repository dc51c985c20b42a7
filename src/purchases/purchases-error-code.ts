/** The purchases module's error codes. Clients rely on these strings: never rename one. */
export enum PurchasesErrorCode {
  PURCHASE_NOT_FOUND = 'PURCHASE_NOT_FOUND',
  UNKNOWN_ORDER = 'UNKNOWN_ORDER',
  PURCHASE_EXISTS = 'PURCHASE_EXISTS',
}
