import { DataSource } from 'typeorm';
import { forEachRow, rawQuery } from '../database/sql';
import { KeptBrandInputs } from './chunks/kept-brand-inputs';
import { MemberRange, memberScope } from '../database/member-range';
import { PurchaseDay, summarizeDays } from './math/repeat-buying-summary';
import { CampaignCost } from './engine/referral-value';
import { ValueInputs } from './engine/compute-values';
import {
  AttributedPurchase,
  Content,
  FeedbackCounts,
  GuestOrder,
  ReferralEdge,
  SpendSummary,
  contentKey,
} from './engine/value-types';

const DAY_MS = 86_400_000;

interface SpendTotals {
  summaries: SpendSummary[];
  /** Orders up to asOf, and their net amount after refunds. */
  orders: number;
  netMinor: number;
}

export interface MarginRates {
  margin: number;
  marginByCategory: Record<string, number>;
}

/** Brand-wide inputs a chunk takes from its run's plan. */
export interface BrandInputs {
  campaigns: CampaignCost[];
  averageOrderMarginMinor: number;
}

export type BrandPlanInputs = BrandInputs &
  Pick<ValueInputs, 'memberIds' | 'spend' | 'contents' | 'attributedPurchases'>;

const marginFunction = (rates: MarginRates) => (category: unknown) =>
  rates.marginByCategory[String(category ?? '')] ?? rates.margin;

/** The brand's average net order × margin, for modeled influence. */
const averageOrderMargin = (spend: SpendTotals, rates: MarginRates) =>
  spend.orders > 0 ? (spend.netMinor / spend.orders) * rates.margin : 0;

/** A converted, approved referral as the value model counts it. */
const counted = (f: string) =>
  `${f}.status = 'converted' AND ${f}.converted_at <= :asOf AND ${f}.referee_member_id IS NOT NULL
   AND ${f}.rejected_at IS NULL AND (${f}.flags = '' OR ${f}.approved_at IS NOT NULL)`;

/** Orders that name content (the partial index ix_purchases_attributed holds them). */
const attributed = (p: string) =>
  `${p}.kind = 'order' AND ${p}.occurred_at <= :asOf
   AND (${p}.attribution_review_id IS NOT NULL OR ${p}.attribution_mention_id IS NOT NULL OR ${p}.attribution_event_id IS NOT NULL)`;

/**
 * Reads everything the value model needs as of one instant, aggregated in SQL so that the
 * rows crossing into JavaScript are per member-day, not per purchase. The same SQL runs on
 * SQLite and PostgreSQL (instants are epoch-ms integers).
 *
 * With a member range (a recompute chunk) it reads what valuing those members needs: their own
 * records, the spend of their referees and grand-referees, the referrals of their referees, and
 * every order attributed to their content with all the content that order names (the choice
 * of content is the order's). The brand-wide inputs (campaigns, average order) come from the
 * run's plan instead.
 */
export class ValueInputsLoader {
  private readonly scope;

  constructor(
    private readonly dataSource: DataSource,
    range: MemberRange = { from: null, to: null },
  ) {
    this.scope = memberScope(range);
  }

  /** Binds the range's parameters beside the query's own. */
  private parameters(parameters: Record<string, unknown>): Record<string, unknown> {
    return { ...parameters, ...this.scope.parameters };
  }

  /** `sql` when the loader reads a range, else nothing (everyone). */
  private when(sql: (inRange: (column: string) => string) => string): string {
    return this.scope.bounded ? sql(this.scope.inRange) : '';
  }

  /** Members whose referrals a chunk reads: its own, and its referees' (second degree). */
  private referrers(column: string): string {
    const inRange = this.scope.inRange;
    return `${column} IN (SELECT m.id FROM members m WHERE ${inRange('m.id')}
      UNION SELECT g.referee_member_id FROM referrals g WHERE ${counted('g')} AND ${inRange('g.referrer_id')})`;
  }

  /** Members whose spend a chunk reads: its own, its referees' and its grand-referees'. */
  private spenders(column: string): string {
    return `${column} IN (SELECT m.id FROM members m WHERE ${this.scope.inRange('m.id')}
      UNION SELECT f.referee_member_id FROM referrals f WHERE ${counted('f')} AND ${this.referrers('f.referrer_id')})`;
  }

  /** Orders naming content of the chunk's members: the content's owners earn their credit. */
  private chunkOrders(p: string): string {
    const inRange = this.scope.inRange;
    return `${attributed(p)} AND (
         ${p}.attribution_review_id IN (SELECT v.id FROM reviews v WHERE ${inRange('v.member_id')})
      OR ${p}.attribution_mention_id IN (SELECT n.id FROM mentions n WHERE ${inRange('n.member_id')})
      OR ${p}.attribution_event_id IN (SELECT h.event_id FROM event_attendance h WHERE h.role = 'host' AND ${inRange('h.member_id')}))`;
  }

  /**
   * Everything the model needs. A chunk passes the brand-wide figures its plan holds (`brand`):
   * the campaigns and the average order are the whole brand's, not the chunk's.
   */
  async load(
    asOf: number,
    rates: MarginRates,
    brand?: BrandInputs,
    kept?: KeptBrandInputs,
  ): Promise<ValueInputs> {
    if (kept && brand) return this.loadKept(asOf, rates, brand, kept);
    const marginOf = marginFunction(rates);
    const [
      memberIds,
      spend,
      referrals,
      campaigns,
      contents,
      attributedPurchases,
      guestOrders,
      feedback,
    ] = await Promise.all([
      this.memberIds(),
      this.spendSummaries(asOf, marginOf),
      this.referralEdges(asOf),
      brand ? brand.campaigns : this.campaignCosts(),
      this.contents(asOf),
      this.attributedPurchases(asOf, marginOf),
      this.guestOrders(asOf, marginOf),
      this.feedbackCounts(asOf),
    ]);
    return {
      memberIds,
      spend: spend.summaries,
      referrals,
      campaigns,
      contents,
      attributedPurchases,
      guestOrders,
      feedback,
      averageOrderMarginMinor: brand?.averageOrderMarginMinor ?? averageOrderMargin(spend, rates),
    };
  }

  /**
   * A chunk of the run's own instance: its members and their referrals, guests and feedback
   * read here, their spend and content taken from what the plan read (the same records the
   * range queries above select).
   */
  private async loadKept(
    asOf: number,
    rates: MarginRates,
    brand: BrandInputs,
    kept: KeptBrandInputs,
  ): Promise<ValueInputs> {
    const marginOf = marginFunction(rates);
    const [memberIds, referrals, guestOrders, feedback] = await Promise.all([
      this.memberIds(),
      this.referralEdges(asOf),
      this.guestOrders(asOf, marginOf),
      this.feedbackCounts(asOf),
    ]);
    return {
      memberIds,
      spend: kept.spendOf([...memberIds, ...referrals.map((edge) => edge.refereeId)]),
      referrals,
      campaigns: brand.campaigns,
      ...kept.influenceOf(memberIds),
      guestOrders,
      feedback,
      averageOrderMarginMinor: brand.averageOrderMarginMinor,
    };
  }

  /**
   * What a run fits and calibrates on, brand-wide: every member's repeat-buying summary, the
   * campaigns, the content and the orders that name it. Per-member inputs are read by chunk.
   */
  async loadBrand(asOf: number, rates: MarginRates): Promise<BrandPlanInputs> {
    const marginOf = marginFunction(rates);
    const [memberIds, spend, campaigns, contents, attributedPurchases] = await Promise.all([
      this.memberIds(),
      this.spendSummaries(asOf, marginOf),
      this.campaignCosts(),
      this.contents(asOf),
      this.attributedPurchases(asOf, marginOf),
    ]);
    return {
      memberIds,
      spend: spend.summaries,
      campaigns,
      contents,
      attributedPurchases,
      averageOrderMarginMinor: averageOrderMargin(spend, rates),
    };
  }

  /** The repeat-buying summaries alone, for model validation (no referrals, content, ...). */
  async loadSpendSummaries(asOf: number, rates: MarginRates): Promise<SpendSummary[]> {
    const spend = await this.spendSummaries(asOf, marginFunction(rates));
    return spend.summaries;
  }

  private async memberIds(): Promise<string[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT id FROM members WHERE merged_into_id IS NULL ${this.when((inRange) => `AND ${inRange('id')}`)} ORDER BY id`,
      this.parameters({}),
    );
    return rows.map((row) => row.string('id'));
  }

  /**
   * The repeat-buying summary of every buyer, and the brand's orders and net spend, in one
   * pass over the orders in member order. Refunds (few) are read first and netted on their
   * order's day and category; same-day orders are one purchase day.
   */
  private async spendSummaries(
    asOf: number,
    marginOf: (category: unknown) => number,
  ): Promise<SpendTotals> {
    const refunds = new Map<string, { day: number; category: unknown; amount: number }[]>();
    let refundedMinor = 0;
    await forEachRow(
      this.dataSource,
      `SELECT r.member_id, o.occurred_at, o.product_category, r.base_amount_minor
         FROM purchases r JOIN purchases o ON o.id = r.refund_of_id
        WHERE r.kind = 'refund' AND r.occurred_at <= :asOf ${this.when(() => `AND ${this.spenders('r.member_id')}`)}`,
      this.parameters({ asOf }),
      ([memberId, orderAt, category, amount]) => {
        const refund = {
          day: Math.floor(Number(orderAt) / DAY_MS),
          category,
          amount: Number(amount),
        };
        refundedMinor += refund.amount;
        const list = refunds.get(String(memberId));
        if (list) list.push(refund);
        else refunds.set(String(memberId), [refund]);
      },
    );
    const asOfDay = Math.floor(asOf / DAY_MS);
    const summaries: SpendSummary[] = [];
    let current: { memberId: string; days: PurchaseDay[]; realized: number } | undefined;
    const flush = () => {
      if (!current) return;
      for (const refund of refunds.get(current.memberId) ?? []) {
        current.realized -= refund.amount * marginOf(refund.category);
        const day = current.days.find((orderDay) => orderDay.day === refund.day);
        if (day) Object.assign(day, { netMinor: day.netMinor - refund.amount, refunded: true });
        else current.days.push({ day: refund.day, netMinor: -refund.amount, refunded: true });
      }
      refunds.delete(current.memberId);
      current.days.sort((left, right) => left.day - right.day);
      summaries.push(summarize(current.memberId, current.days, asOfDay, current.realized));
    };
    let orderedMinor = 0;
    const orders = await forEachRow(
      this.dataSource,
      `SELECT member_id, occurred_at, base_amount_minor, product_category FROM purchases
        WHERE kind = 'order' AND occurred_at <= :asOf ${this.when(() => `AND ${this.spenders('member_id')}`)}
        ORDER BY member_id, occurred_at`,
      this.parameters({ asOf }),
      ([member, occurredAt, amountValue, category]) => {
        const memberId = String(member);
        if (current?.memberId !== memberId) {
          flush();
          current = { memberId, days: [], realized: 0 };
        }
        const day = Math.floor(Number(occurredAt) / DAY_MS);
        const amount = Number(amountValue);
        orderedMinor += amount;
        current.realized += amount * marginOf(category);
        const last = current.days[current.days.length - 1];
        if (last?.day === day) last.netMinor += amount;
        else current.days.push({ day, netMinor: amount, refunded: false });
      },
    );
    flush();
    // Refunds of members with no order by asOf cannot happen through the API; kept for safety.
    for (const memberId of [...refunds.keys()]) {
      current = { memberId, days: [], realized: 0 };
      flush();
    }
    return { summaries, orders, netMinor: orderedMinor - refundedMinor };
  }

  private async referralEdges(asOf: number): Promise<ReferralEdge[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT id, referrer_id, referee_member_id, converted_at, base_reward_minor FROM referrals f
        WHERE ${counted('f')} ${this.when(() => `AND ${this.referrers('f.referrer_id')}`)}`,
      this.parameters({ asOf }),
    );
    return rows.map((row) => ({
      id: row.string('id'),
      referrerId: row.string('referrer_id'),
      refereeId: row.string('referee_member_id'),
      convertedAt: row.instant('converted_at'),
      rewardMinor: row.number('base_reward_minor'),
    }));
  }

  private async campaignCosts(): Promise<CampaignCost[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT c.starts_at AS starts_at, c.base_spend_minor AS spend, COUNT(m.id) AS acquired
         FROM campaigns c LEFT JOIN members m ON m.acquisition_campaign_id = c.id
        GROUP BY c.id, c.starts_at, c.base_spend_minor`,
    );
    return rows.map((row) => ({
      startsAt: row.instant('starts_at'),
      baseSpendMinor: row.number('spend'),
      acquiredMembers: row.number('acquired'),
    }));
  }

  private async contents(asOf: number): Promise<Content[]> {
    const reviews = await rawQuery(
      this.dataSource,
      `SELECT id, member_id, published_at, platform, views FROM reviews WHERE published_at <= :asOf
       ${this.when((inRange) => `AND (${inRange('member_id')} OR id IN (SELECT p.attribution_review_id FROM purchases p WHERE ${this.chunkOrders('p')}))`)}`,
      this.parameters({ asOf }),
    );
    const mentions = await rawQuery(
      this.dataSource,
      `SELECT id, member_id, posted_at, platform, reach FROM mentions WHERE member_id IS NOT NULL AND posted_at <= :asOf
       ${this.when((inRange) => `AND (${inRange('member_id')} OR id IN (SELECT p.attribution_mention_id FROM purchases p WHERE ${this.chunkOrders('p')}))`)}`,
      this.parameters({ asOf }),
    );
    const hosts = await rawQuery(
      this.dataSource,
      `SELECT e.id AS event_id, e.starts_at AS starts_at, a.member_id AS host_id,
              (SELECT COUNT(*) FROM event_attendance x WHERE x.event_id = e.id AND x.status = 'attended') AS attendees,
              (SELECT COUNT(*) FROM event_guests g WHERE g.event_id = e.id) AS guests
         FROM events e JOIN event_attendance a ON a.event_id = e.id
        WHERE a.role = 'host' AND a.member_id IS NOT NULL AND e.starts_at <= :asOf
        ${this.when(
          (
            inRange,
          ) => `AND (e.id IN (SELECT h.event_id FROM event_attendance h WHERE h.role = 'host' AND ${inRange('h.member_id')})
            OR e.id IN (SELECT p.attribution_event_id FROM purchases p WHERE ${this.chunkOrders('p')}))`,
        )}`,
      this.parameters({ asOf }),
    );
    const events = new Map<string, Content>();
    for (const row of hosts) {
      const id = row.string('event_id');
      const event = events.get(id) ?? {
        kind: 'event' as const,
        id,
        ownerIds: [],
        datedAt: row.instant('starts_at'),
        platform: 'event',
        reach: row.number('attendees') + row.number('guests'),
      };
      event.ownerIds.push(row.string('host_id'));
      events.set(id, event);
    }
    return [
      ...reviews.map((row) => ({
        kind: 'review' as const,
        id: row.string('id'),
        ownerIds: [row.string('member_id')],
        datedAt: row.instant('published_at'),
        platform: row.string('platform'),
        reach: row.number('views'),
      })),
      ...mentions.map((row) => ({
        kind: 'mention' as const,
        id: row.string('id'),
        ownerIds: [row.string('member_id')],
        datedAt: row.instant('posted_at'),
        platform: row.string('platform'),
        reach: row.number('reach'),
      })),
      ...events.values(),
    ];
  }

  private async attributedPurchases(
    asOf: number,
    marginOf: (category: unknown) => number,
  ): Promise<AttributedPurchase[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT p.id AS id, p.member_id AS member_id, p.occurred_at AS occurred_at, p.product_category AS category,
              p.base_amount_minor - COALESCE((SELECT SUM(r.base_amount_minor) FROM purchases r
                                               WHERE r.refund_of_id = p.id AND r.occurred_at <= :asOf), 0) AS net,
              p.attribution_review_id AS review_id, p.attribution_mention_id AS mention_id, p.attribution_event_id AS event_id
         FROM purchases p
        WHERE p.kind = 'order' AND p.occurred_at <= :asOf
          AND (p.attribution_review_id IS NOT NULL OR p.attribution_mention_id IS NOT NULL OR p.attribution_event_id IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.converting_purchase_id = p.id AND f.status = 'converted')
          ${this.when(() => `AND p.id IN (SELECT c.id FROM purchases c WHERE ${this.chunkOrders('c')})`)}`,
      this.parameters({ asOf }),
    );
    return rows.map((row) => ({
      purchaseId: row.string('id'),
      buyerId: row.string('member_id'),
      occurredAt: row.instant('occurred_at'),
      marginMinor: Math.max(0, row.number('net')) * marginOf(row.raw('category')),
      contentKeys: [
        contentKeyOf('review', row.stringOrNull('review_id')),
        contentKeyOf('mention', row.stringOrNull('mention_id')),
        contentKeyOf('event', row.stringOrNull('event_id')),
      ].filter((key): key is string => key !== null),
    }));
  }

  private async guestOrders(
    asOf: number,
    marginOf: (category: unknown) => number,
  ): Promise<GuestOrder[]> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT g.guest_member_id AS guest_id, a.member_id AS bringer_id, g.event_id AS event_id, p.id AS purchase_id, p.product_category AS category,
              p.base_amount_minor - COALESCE((SELECT SUM(r.base_amount_minor) FROM purchases r
                                               WHERE r.refund_of_id = p.id AND r.occurred_at <= :asOf), 0) AS net
         FROM event_guests g
         JOIN event_attendance a ON a.id = g.attendance_id
         JOIN events e ON e.id = g.event_id
         JOIN purchases p ON p.id = (SELECT q.id FROM purchases q WHERE q.member_id = g.guest_member_id AND q.kind = 'order'
                                      ORDER BY q.occurred_at, q.id LIMIT 1)
        WHERE g.guest_member_id IS NOT NULL AND a.member_id IS NOT NULL
          AND p.occurred_at >= e.starts_at AND p.occurred_at <= :asOf
          AND NOT EXISTS (SELECT 1 FROM referrals f WHERE f.converting_purchase_id = p.id AND f.status = 'converted')
          ${this.when((inRange) => `AND ${inRange('a.member_id')}`)}`,
      this.parameters({ asOf }),
    );
    return rows.map((row) => ({
      purchaseId: row.string('purchase_id'),
      guestId: row.string('guest_id'),
      bringerId: row.string('bringer_id'),
      eventId: row.string('event_id'),
      marginMinor: Math.max(0, row.number('net')) * marginOf(row.raw('category')),
    }));
  }

  private async feedbackCounts(asOf: number): Promise<Map<string, FeedbackCounts>> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT member_id,
              SUM(CASE WHEN accepted_at <= :asOf AND (declined_at IS NULL OR declined_at > :asOf) THEN 1 ELSE 0 END) AS accepted,
              SUM(CASE WHEN shipped_at <= :asOf THEN 1 ELSE 0 END) AS shipped
         FROM feedback ${this.when((inRange) => `WHERE ${inRange('member_id')}`)} GROUP BY member_id`,
      this.parameters({ asOf }),
    );
    return new Map(
      rows.map((row) => [
        row.string('member_id'),
        { accepted: row.number('accepted'), shipped: row.number('shipped') },
      ]),
    );
  }
}

function contentKeyOf(kind: string, id: string | null): string | null {
  return id ? contentKey(kind, id) : null;
}

/** x, t_x, T in whole days to asOf; which days are purchase days is isPurchaseDay's rule. */
function summarize(
  memberId: string,
  days: PurchaseDay[],
  asOfDay: number,
  realizedMarginMinor: number,
): SpendSummary {
  const totalNetMinor = days.reduce((total, day) => total + day.netMinor, 0);
  const summary = summarizeDays(days, asOfDay);
  return {
    memberId,
    x: summary?.x ?? 0,
    tx: summary?.tx ?? 0,
    T: summary?.T ?? 0,
    zbar: summary?.zbar ?? 0,
    purchaseDays: summary?.purchaseDays ?? 0,
    totalNetMinor,
    realizedMarginMinor,
  };
}
