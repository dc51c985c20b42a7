/**
 * A driver as a value snapshot stores it in its breakdown (the value engine's `Driver`,
 * src/value/engine/value-types.ts): what reasons are written from. Declared here as the stored
 * JSON's shape, since the value module depends on advocates and not the reverse.
 */
export interface StoredDriver {
  component: 'spend' | 'referral' | 'influence' | 'knowledge';
  kind: string;
  id: string | null;
  label: string;
  amountMinor: number;
  basis: 'measured' | 'modeled';
  /** Absent in snapshots stored before reasons were written from drivers. */
  params?: Record<string, string | number>;
}
