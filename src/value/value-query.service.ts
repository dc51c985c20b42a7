import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error';
import { Member } from '../members/member.entity';
import { ValueRun } from './value-run.entity';
import { ValueSnapshot } from './value-snapshot.entity';
import { MembersErrorCode } from '../members/members-error-code';
import { ValueErrorCode } from './value-error-code';
import { HaloSettings } from '../config/halo-settings';
import { driverText } from '../advocates/reasons/advocate-reasons';
import { ReasonFormat, ReasonLanguage } from '../common/language/reason-language';
import { ReasonNames } from '../advocates/reasons/reason-names';
import { StoredDriver } from '../advocates/reasons/stored-driver';
import { TierReasonView, tierReasonView } from '../advocates/reasons/tier-reason-text';

/** A snapshot in words (ValueQueryService.explain). */
export interface ValueExplanation {
  labels: string[];
  tierReason: TierReasonView | null;
}

/** Reads stored snapshots and runs; never computes. */
@Injectable()
export class ValueQueryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  get baseCurrency(): string {
    return this.settings.money.baseCurrency;
  }

  /**
   * The snapshot in words, with current names (people, events, platforms): each driver's label,
   * and why the member has their tier.
   */
  async explain(snapshot: ValueSnapshot, language: ReasonLanguage): Promise<ValueExplanation> {
    const { drivers } = JSON.parse(snapshot.breakdown) as { drivers: StoredDriver[] };
    const names = await ReasonNames.load(this.dataSource, drivers, snapshot.asOf);
    const format = new ReasonFormat(language, snapshot.currency);
    return {
      // Snapshots stored before drivers kept their params keep their stored label.
      labels: drivers.map((driver) =>
        driver.params ? driverText(driver, names, format) : driver.label,
      ),
      tierReason: tierReasonView(snapshot.tier, snapshot.tierReason, snapshot.currency, format),
    };
  }

  /**
   * The member's latest snapshot (the current value), with the run that made it; for a member
   * who objects to profiling, since when (nothing is computed or kept about them).
   */
  async current(
    memberId: string,
  ): Promise<{ snapshot: ValueSnapshot; run: ValueRun | null } | { objectedAt: number }> {
    const { profilingObjectionAt } = await this.assertMember(memberId);
    if (profilingObjectionAt !== null) return { objectedAt: profilingObjectionAt };
    const snapshot = await this.currentSnapshots(memberId).orderBy('s.asOfDate', 'DESC').getOne();
    if (!snapshot) {
      throw new DomainError(
        'not_found',
        ValueErrorCode.VALUE_NOT_COMPUTED,
        'no value has been computed for this member yet; run POST /api/v1/value/recompute',
      );
    }
    const run = await this.dataSource.getRepository(ValueRun).findOneBy({ id: snapshot.runId });
    return { snapshot, run };
  }

  async history(memberId: string): Promise<ValueSnapshot[]> {
    await this.assertMember(memberId);
    return this.currentSnapshots(memberId).orderBy('s.asOfDate', 'ASC').getMany();
  }

  /** The member's rows of each date's current run (what the view `value_snapshots` holds). */
  private currentSnapshots(memberId: string) {
    return this.dataSource
      .getRepository(ValueSnapshot)
      .createQueryBuilder('s')
      .innerJoin('value_snapshot_dates', 'd', 'd.as_of_date = s.as_of_date AND d.run_id = s.run_id')
      .where('s.memberId = :memberId', { memberId });
  }

  /** The model of the latest successful run. */
  async latestRun(): Promise<ValueRun> {
    const run = await this.dataSource
      .getRepository(ValueRun)
      .findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
    if (!run)
      throw new DomainError(
        'not_found',
        ValueErrorCode.MODEL_NOT_FITTED,
        'no recompute has finished yet; run POST /api/v1/value/recompute',
      );
    return run;
  }

  private async assertMember(
    memberId: string,
  ): Promise<Pick<Member, 'id' | 'profilingObjectionAt'>> {
    const member = await this.dataSource
      .getRepository(Member)
      .findOne({ select: { id: true, profilingObjectionAt: true }, where: { id: memberId } });
    if (!member) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    return member;
  }
}
