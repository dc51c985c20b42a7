import { Foundation1732000000000 } from './1732000000000-foundation';
import { Referrals1732000001000 } from './1732000001000-referrals';
import { ReviewsMentions1732000002000 } from './1732000002000-reviews-mentions';
import { EventsFeedback1732000003000 } from './1732000003000-events-feedback';
import { IdempotencyRecords1732000005000 } from './1732000005000-idempotency-records';
import { ValueSnapshots1732000006000 } from './1732000006000-value-snapshots';
import { MergeDismissals1732000007000 } from './1732000007000-merge-dismissals';
import { Leases1732000008000 } from './1732000008000-leases';
import { Advocates1732000009000 } from './1732000009000-advocates';
import { Digests1732000011000 } from './1732000011000-digests';
import { RecomputeIndexes1732000014000 } from './1732000014000-recompute-indexes';
import { CommunityMetrics1732000015000 } from './1732000015000-community-metrics';
import { AdvocacyValue1733000000000 } from './1733000000000-advocacy-value';
import { ProfilingObjectionEngagement1733000001000 } from './1733000001000-profiling-objection-engagement';
import { ReferralStatusReason1733000002000 } from './1733000002000-referral-status-reason';
import { SnapshotSimpleFormula1733000005000 } from './1733000005000-snapshot-simple-formula';
import { IdempotencyReservations1733000010000 } from './1733000010000-idempotency-reservations';
import { ErasureTombstones1733000020000 } from './1733000020000-erasure-tombstones';
import { DashboardSessions1733000030000 } from './1733000030000-dashboard-sessions';
import { SnapshotDatePointer1733000045000 } from './1733000045000-snapshot-date-pointer';
import { SystemIndexes1733000050000 } from './1733000050000-system-indexes';
import { Webhooks1733000080000 } from './1733000080000-webhooks';
import { WebhookFailureIndex1733000090000 } from './1733000090000-webhook-failure-index';
import { AuditEntries1733000040000 } from './1733000040000-audit-entries';
import { ReferralConversionIndex1733000120000 } from './1733000120000-referral-conversion-index';
import { ValueRunChunks1733000125000 } from './1733000125000-value-run-chunks';
import { RankingRunIndexes1733000130000 } from './1733000130000-ranking-run-indexes';
import { SnapshotGems1733000131000 } from './1733000131000-snapshot-gems';
import { PlatformMemberIndexes1733000132000 } from './1733000132000-platform-member-indexes';
import { ImportRuns1733000100000 } from './1733000100000-import-runs';
import { SnapshotGrowth1733000110000 } from './1733000110000-snapshot-growth';
import { SnapshotDateRunIndex1733000111000 } from './1733000111000-snapshot-date-run-index';

/** Every migration, in order. A schema change adds a file here; never edit a shipped one. */
export const MIGRATIONS = [
  Foundation1732000000000,
  Referrals1732000001000,
  ReviewsMentions1732000002000,
  EventsFeedback1732000003000,
  IdempotencyRecords1732000005000,
  ValueSnapshots1732000006000,
  MergeDismissals1732000007000,
  Leases1732000008000,
  Advocates1732000009000,
  Digests1732000011000,
  RecomputeIndexes1732000014000,
  CommunityMetrics1732000015000,
  AdvocacyValue1733000000000,
  ProfilingObjectionEngagement1733000001000,
  ReferralStatusReason1733000002000,
  SnapshotSimpleFormula1733000005000,
  IdempotencyReservations1733000010000,
  ErasureTombstones1733000020000,
  DashboardSessions1733000030000,
  AuditEntries1733000040000,
  SnapshotDatePointer1733000045000,
  SystemIndexes1733000050000,
  Webhooks1733000080000,
  WebhookFailureIndex1733000090000,
  ImportRuns1733000100000,
  SnapshotGrowth1733000110000,
  SnapshotDateRunIndex1733000111000,
  ReferralConversionIndex1733000120000,
  ValueRunChunks1733000125000,
  RankingRunIndexes1733000130000,
  SnapshotGems1733000131000,
  PlatformMemberIndexes1733000132000,
];
