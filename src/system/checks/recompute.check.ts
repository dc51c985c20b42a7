import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, MoreThanOrEqual } from 'typeorm';
import { ReasonLanguage } from '../../common/language/reason-language';
import { toIso } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { Lease } from '../../database/lease.entity';
import { rawQuery } from '../../database/sql';
import { RECOMPUTE_LEASE } from '../../value/recompute-lock';
import { ValueRun } from '../../value/value-run.entity';
import { SystemCheck, SystemCheckResult, SystemReason } from '../system-check';
import { SystemReasonCode } from '../system-reason-code';
import { systemReasonText } from '../system-reason-text';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Failed runs listed at most; the count says how many there were. */
const LISTED_RUNS = 20;

/** A recompute as the System page shows it. */
export interface RunOverview {
  id: string;
  asOf: string;
  status: string;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  membersValued: number;
  error: string | null;
}

export interface RecomputeDetails {
  /** The most recently started run, whatever its status. */
  last: RunOverview | null;
  lastSucceeded: RunOverview | null;
  /** A run going on now: running, and its instance still renews the lease. */
  running: RunOverview | null;
  /** Runs still marked running whose lease expired: their instance died. */
  stale: RunOverview[];
  /** Failed runs started within the recent window, newest first (at most 20). */
  failed: RunOverview[];
  failedCount: number;
  windowDays: number;
}

/**
 * The recomputes: the last one, failed ones in the recent window, and stale ones (DESIGN.md,
 * Recompute lock: a run whose lease expired counts as failed; the next run marks it so).
 */
@Injectable()
export class RecomputeCheck implements SystemCheck {
  readonly name = 'recompute';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async run(now: number): Promise<SystemCheckResult> {
    const runs = this.dataSource.getRepository(ValueRun);
    const { recentDays, recomputeOverdueHours } = this.settings.system;
    const since = now - recentDays * DAY_MS;
    const [last, lastSucceeded, lastFinished, running, failed, failedCount, lease] =
      await Promise.all([
        runs.findOne({ where: {}, order: { startedAt: 'DESC' } }),
        runs.findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } }),
        runs.findOne({
          where: { status: In(['succeeded', 'failed']) },
          order: { startedAt: 'DESC' },
        }),
        runs.find({ where: { status: 'running' }, order: { startedAt: 'DESC' } }),
        runs.find({
          where: { status: 'failed', startedAt: MoreThanOrEqual(since) },
          order: { startedAt: 'DESC' },
          take: LISTED_RUNS,
        }),
        runs.countBy({ status: 'failed', startedAt: MoreThanOrEqual(since) }),
        this.dataSource.getRepository(Lease).findOneBy({ name: RECOMPUTE_LEASE }),
      ]);
    // A live lease belongs to the newest running run; every other running run is abandoned.
    const leaseLive = lease !== null && Number(lease.expiresAt) >= now;
    const current = leaseLive ? (running[0] ?? null) : null;
    const stale = running.filter((run) => run !== current);
    const reasons: SystemReason[] = [];
    if (lastFinished?.status === 'failed')
      reasons.push({
        code: SystemReasonCode.RECOMPUTE_FAILED,
        params: { at: lastFinished.finishedAt ?? lastFinished.startedAt },
      });
    if (stale.length > 0)
      reasons.push({ code: SystemReasonCode.RECOMPUTE_STALE, params: { count: stale.length } });
    const overdueSince = now - recomputeOverdueHours * HOUR_MS;
    const succeededAt = lastSucceeded
      ? (lastSucceeded.finishedAt ?? lastSucceeded.startedAt)
      : null;
    if (
      (succeededAt === null || succeededAt < overdueSince) &&
      (await this.membersBefore(overdueSince))
    )
      reasons.push({
        code: SystemReasonCode.RECOMPUTE_OVERDUE,
        params: { hours: recomputeOverdueHours, lastSucceededAt: succeededAt },
      });
    const details: RecomputeDetails = {
      last: overview(last),
      lastSucceeded: overview(lastSucceeded),
      running: overview(current),
      stale: stale.map((run) => overview(run)!),
      failed: failed.map((run) => overview(run)!),
      failedCount,
      windowDays: recentDays,
    };
    return { details, reasons };
  }

  describe(reason: SystemReason, language: ReasonLanguage): string {
    return systemReasonText(reason, language);
  }

  /** Whether members stored before `before` exist: the first row found ends the scan. */
  private async membersBefore(before: number): Promise<boolean> {
    const rows = await rawQuery(
      this.dataSource,
      'SELECT 1 AS found FROM members WHERE created_at < :before LIMIT 1',
      { before },
    );
    return rows.length > 0;
  }
}

function overview(run: ValueRun | null): RunOverview | null {
  if (!run) return null;
  return {
    id: run.id,
    asOf: toIso(run.asOf)!,
    status: run.status,
    trigger: run.trigger,
    startedAt: toIso(run.startedAt)!,
    finishedAt: toIso(run.finishedAt),
    durationMs: run.durationMs,
    membersValued: Number(run.members),
    error: run.error,
  };
}
