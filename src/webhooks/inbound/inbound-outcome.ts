import { WriteOutcome } from '../../common/http/write-outcome';

/** What one inbound delivery did: a record written (or found unchanged), or nothing, and why. */
export type InboundOutcome =
  | { outcome: WriteOutcome; type: string; recordId: string | null; externalId: string | null }
  | { outcome: 'ignored'; reason: string };
