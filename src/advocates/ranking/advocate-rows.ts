import { DataSource } from 'typeorm';
import { toIso } from '../../common/dates/iso-date';
import { formatAmount } from '../../common/money/money';
import { AdvocateChangeDto, AdvocateDto } from '../dto/advocate.dto';
import { ResultRow, rawQuery } from '../../database/sql';
import { StoredDriver as Driver } from '../reasons/stored-driver';
import { advocateReasons } from '../reasons/advocate-reasons';
import { ReasonFormat } from '../../common/language/reason-language';
import { ReasonNames } from '../reasons/reason-names';
import { tierReasonView } from '../reasons/tier-reason-text';
import { RankingPlan } from './ranking-plan';

const ROW_COLUMNS = `s.member_id, s.as_of, s.as_of_date, s.currency, s.extended_minor, s.advocacy_minor, s.spend_minor,
  s.spend_realized_minor, s.spend_predicted_minor, s.referral_minor, s.influence_minor,
  s.influence_measured_minor, s.influence_modeled_minor, s.knowledge_minor, s.engagement, s.tier,
  s.influence_share, s.p_alive, s.order_count, s.last_activity_at, s.tier_reason, s.breakdown,
  m.name, m.email, m.acquisition_channel`;

interface Figures {
  asOfDate: string;
  extendedMinor: number;
  advocacyMinor: number;
  influenceMinor: number;
  engagement: number;
  tier: string | null;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Figures of a snapshot row on the plan's basis. */
function figuresOf(row: ResultRow, plan: RankingPlan): Figures {
  const modeled = plan.basis === 'measured' ? row.number('influence_modeled_minor') : 0;
  return {
    asOfDate: row.string('as_of_date'),
    extendedMinor: row.number('extended_minor') - modeled,
    advocacyMinor: row.number('advocacy_minor') - modeled,
    influenceMinor:
      plan.basis === 'measured'
        ? row.number('influence_measured_minor')
        : row.number('influence_minor'),
    engagement: row.number('engagement'),
    tier: row.stringOrNull('tier'),
  };
}

/** Turns ranked snapshot rows into response rows: tags, and the change over the period. */
export class AdvocateRows {
  constructor(private readonly dataSource: DataSource) {}

  /** The ranked members' rows, in the order of `ids`. */
  async toDtos(plan: RankingPlan, ids: string[]): Promise<AdvocateDto[]> {
    if (!ids.length) return [];
    const current = await rawQuery(
      this.dataSource,
      `SELECT ${ROW_COLUMNS} FROM value_snapshots s JOIN members m ON m.id = s.member_id
        WHERE s.as_of_date = :current AND s.member_id IN (:...ids)`,
      { current: plan.currentDate, ids },
    );
    const byId = new Map(current.map((row) => [row.string('member_id'), row]));
    const rows = ids.map((id) => byId.get(id)).filter((row): row is ResultRow => row !== undefined);
    const [tags, starts, ends] = await Promise.all([
      this.tags(ids),
      plan.startDate ? this.snapshotsAtOrBefore(ids, plan.startDate) : new Map<string, ResultRow>(),
      plan.endDate === null
        ? new Map<string, ResultRow>()
        : plan.endDate < plan.currentDate
          ? this.snapshotsAtOrBefore(ids, plan.endDate)
          : new Map(rows.map((row) => [row.string('member_id'), row])),
    ]);
    const drivers = new Map(rows.map((row) => [row.string('member_id'), driversOf(row)]));
    const names = await ReasonNames.load(
      this.dataSource,
      [...drivers.values()].flat(),
      Math.max(...rows.map((row) => row.instant('as_of'))),
    );
    return rows.map((row) => {
      const id = row.string('member_id');
      const currency = row.string('currency');
      const format = new ReasonFormat(plan.language, currency);
      const money = (minor: number) => formatAmount(minor, currency);
      const figures = figuresOf(row, plan);
      const share =
        plan.basis === 'all'
          ? row.numberOrNull('influence_share')
          : figures.extendedMinor > 0
            ? figures.influenceMinor / figures.extendedMinor
            : null;
      const end = ends.get(id);
      const start = starts.get(id);
      return {
        member: {
          id,
          name: row.stringOrNull('name'),
          email: row.stringOrNull('email'),
          tags: tags.get(id) ?? [],
          acquisitionChannel: row.stringOrNull('acquisition_channel'),
        },
        asOf: toIso(row.instant('as_of'))!,
        currency,
        components: {
          advocacyValue: money(figures.advocacyMinor),
          extendedValue: money(figures.extendedMinor),
          spend: money(row.number('spend_minor')),
          spendRealized: money(row.number('spend_realized_minor')),
          spendPredicted: money(row.number('spend_predicted_minor')),
          referral: money(row.number('referral_minor')),
          influence: money(figures.influenceMinor),
          influenceMeasured: money(row.number('influence_measured_minor')),
          influenceModeled: money(plan.basis === 'all' ? row.number('influence_modeled_minor') : 0),
          knowledge: money(row.number('knowledge_minor')),
        },
        tier: figures.tier,
        tierReason: tierReasonView(figures.tier, row.stringOrNull('tier_reason'), currency, format),
        reasons: advocateReasons(
          (drivers.get(id) ?? []).filter(
            (driver) => plan.basis === 'all' || driver.basis === 'measured',
          ),
          names,
          format,
        ),
        engagement: round(figures.engagement, 4),
        influenceShare: share === null ? null : round(share, 4),
        pAlive: row.numberOrNull('p_alive'),
        orders: row.number('order_count'),
        lastActivityAt: toIso(row.instantOrNull('last_activity_at')),
        change: change(
          plan,
          end && figuresOf(end, plan),
          start && figuresOf(start, plan),
          currency,
        ),
      };
    });
  }

  private async tags(ids: string[]): Promise<Map<string, string[]>> {
    const rows = await rawQuery(
      this.dataSource,
      'SELECT member_id, tag FROM member_tags WHERE member_id IN (:...ids) ORDER BY tag',
      { ids },
    );
    const tags = new Map<string, string[]>();
    for (const row of rows) {
      const id = row.string('member_id');
      tags.set(id, [...(tags.get(id) ?? []), row.string('tag')]);
    }
    return tags;
  }

  /** Each member's latest snapshot with as_of_date ≤ date. */
  private async snapshotsAtOrBefore(ids: string[], date: string): Promise<Map<string, ResultRow>> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT x.member_id, x.as_of_date, x.extended_minor, x.advocacy_minor, x.influence_minor, x.influence_measured_minor,
              x.influence_modeled_minor, x.engagement, x.tier
         FROM value_snapshots x
        WHERE x.member_id IN (:...ids) AND x.as_of_date =
              (SELECT MAX(y.as_of_date) FROM value_snapshots y WHERE y.member_id = x.member_id AND y.as_of_date <= :date)`,
      { ids, date },
    );
    return new Map(rows.map((row) => [row.string('member_id'), row]));
  }
}

/** The drivers stored with the snapshot (its breakdown). */
function driversOf(row: ResultRow): Driver[] {
  const breakdown = JSON.parse(row.string('breakdown')) as { drivers?: Driver[] };
  return breakdown.drivers ?? [];
}

/** End minus start; a member missing from the earlier snapshots starts from zero. */
function change(
  plan: RankingPlan,
  end: Figures | undefined,
  start: Figures | undefined,
  currency: string,
): AdvocateChangeDto {
  if (!end || plan.startDate === null)
    return {
      from: start?.asOfDate ?? null,
      to: end?.asOfDate ?? null,
      extendedValue: null,
      advocacyValue: null,
      influence: null,
      engagement: null,
      previousTier: start?.tier ?? null,
    };
  return {
    from: start?.asOfDate ?? null,
    to: end.asOfDate,
    extendedValue: formatAmount(end.extendedMinor - (start?.extendedMinor ?? 0), currency),
    advocacyValue: formatAmount(end.advocacyMinor - (start?.advocacyMinor ?? 0), currency),
    influence: formatAmount(end.influenceMinor - (start?.influenceMinor ?? 0), currency),
    engagement: round(end.engagement - (start?.engagement ?? 0), 4),
    previousTier: start?.tier ?? null,
  };
}
