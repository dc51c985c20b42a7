import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseIsoInstant, toIso } from '../../common/dates/iso-date';
import { notFound } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { Member } from '../../members/member.entity';
import { ValueSnapshot } from '../../value/value-snapshot.entity';
import { MemberEngagementDto } from '../dto/member-engagement.dto';
import { ActivityLoader } from './activity.loader';
import { engagementScore } from './engagement-score';
import { MembersErrorCode } from '../../members/members-error-code';

const round = (value: number) => Number(value.toFixed(4));

/** One member's engagement score, recomputed from the ledger with every activity's points. */
@Injectable()
export class EngagementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  async explain(memberId: string, asOfText?: string): Promise<MemberEngagementDto> {
    if (!(await this.dataSource.getRepository(Member).existsBy({ id: memberId })))
      throw notFound(MembersErrorCode.MEMBER_NOT_FOUND, 'id', memberId);
    const snapshots = this.dataSource.getRepository(ValueSnapshot);
    const current = await snapshots.findOne({ where: { memberId }, order: { asOfDate: 'DESC' } });
    const asOf =
      asOfText !== undefined ? parseIsoInstant(asOfText)! : (current?.asOf ?? Date.now());
    const snapshot =
      asOfText === undefined
        ? current
        : await snapshots
            .createQueryBuilder('snapshot')
            .where('snapshot.member_id = :memberId AND snapshot.as_of_date <= :date', {
              memberId,
              date: new Date(asOf).toISOString().slice(0, 10),
            })
            .orderBy('snapshot.as_of_date', 'DESC')
            .getOne();
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
}
