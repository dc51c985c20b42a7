import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseIsoInstant, toIso } from '../../common/dates/iso-date';
import { notFound } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { Member } from '../../members/member.entity';
import { MemberEngagementDto } from '../dto/member-engagement.dto';
import { ProfilingWithheldDto } from '../../members/dto/profiling-withheld.dto';
import { ActivityLoader } from './activity.loader';
import { engagementScore } from './engagement-score';
import { MembersErrorCode } from '../../members/members-error-code';
import { rawQuery } from '../../database/sql';

const round = (value: number) => Number(value.toFixed(4));

/**
 * One member's engagement score, recomputed from the ledger with every activity's points; for a
 * member who objects to profiling, only that it is withheld.
 */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async explain(
    memberId: string,
    asOfText?: string,
  ): Promise<MemberEngagementDto | ProfilingWithheldDto> {
    const member = await this.dataSource
      .getRepository(Member)
      .findOne({ select: { id: true, profilingObjectionAt: true }, where: { id: memberId } });
    if (!member) throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    if (member.profilingObjectionAt !== null)
      return ProfilingWithheldDto.since(member.profilingObjectionAt);
    const current = asOfText === undefined ? await this.latestSnapshot(memberId) : undefined;
    const asOf =
      asOfText !== undefined ? parseIsoInstant(asOfText)! : (current?.asOf ?? Date.now());
    const snapshot =
      asOfText === undefined
        ? current
        : await this.latestSnapshot(memberId, new Date(asOf).toISOString().slice(0, 10));
    const rules = this.settings.advocates.engagement;
    const activities = await new ActivityLoader(this.dataSource).load({ memberId, to: asOf + 1 });
    const score = engagementScore(activities, rules, asOf, { explain: true });
    return {
      memberId,
      asOf: toIso(asOf)!,
      halfLifeDays: rules.halfLifeDays,
      weights: { ...rules.weights },
      total: round(score.total),
      byPlatform: Object.fromEntries(
        Object.entries(score.byPlatform).map(([platform, points]) => [platform, round(points)]),
      ),
      offPlatform: round(score.offPlatform),
      lastActivityAt: toIso(score.lastActivityAt),
      activityCount: score.activityCount,
      tier: snapshot?.tier ?? null,
      activities: score.contributions.map(({ activity, ageDays, weight, points }) => ({
        type: activity.type,
        id: activity.id!,
        platform: activity.platform,
        occurredAt: toIso(activity.occurredAt)!,
        ageDays: round(ageDays),
        weight,
        points: round(points),
      })),
    };
  }

  /**
   * The member's latest value snapshot, on or before a date when given. Value writes the
   * snapshots with advocates' assessment; advocates reads them by SQL, as its ranking does.
   */
  private async latestSnapshot(
    memberId: string,
    onOrBefore?: string,
  ): Promise<{ asOf: number; tier: string | null } | undefined> {
    const [row] = await rawQuery(
      this.dataSource,
      `SELECT as_of, tier FROM value_snapshots WHERE member_id = :memberId${
        onOrBefore === undefined ? '' : ' AND as_of_date <= :onOrBefore'
      } ORDER BY as_of_date DESC LIMIT 1`,
      onOrBefore === undefined ? { memberId } : { memberId, onOrBefore },
    );
    return row && { asOf: row.instant('as_of'), tier: row.stringOrNull('tier') };
  }
}
