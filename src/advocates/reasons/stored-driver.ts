/**
 * One record behind a value component, as the engine computes it (the value engine's `Driver`
 * is this type) and a snapshot stores it in its breakdown: what reasons are written from.
 * Declared here, since the value module depends on advocates and not the reverse.
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
