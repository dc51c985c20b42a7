import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { rawQuery } from '../../database/sql';

/** A UTC day (epoch day number) a member bought on, with its net spend in base minor units. */
export interface HoldoutPurchaseDay {
  day: number;
  netMinor: number;
}

/**
 * What each member bought in the holdout (asOf, until]: their purchase days, merged per UTC
 * day like the value engine's summaries (refunds up to `until` netted on their order's day;
 * which days count is isPurchaseDay's rule, written here in SQL).
 */
export class HoldoutPurchasesLoader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * UTC day numbers (epoch days) of each member's holdout purchase days. A refund never
   * precedes its order, so every row counted lies in (asOf, until] itself: the range reads
   * through ix_purchases_occurred.
   */
  async purchaseDays(asOf: number, until: number): Promise<Map<string, number[]>> {
    const days = new Map<string, number[]>();
    for (const [memberId, list] of await this.purchaseDaysWithSpend(asOf, until))
      days.set(
        memberId,
        list.map((purchaseDay) => purchaseDay.day),
      );
    return days;
  }

  /**
   * The same days with each one's net spend in base minor units (orders less their refunds up
   * to until); their sum is the member's net spend on orders in (asOf, until].
   */
  async purchaseDaysWithSpend(
    asOf: number,
    until: number,
  ): Promise<Map<string, HoldoutPurchaseDay[]>> {
    const rows = await rawQuery(
      this.dataSource,
      `SELECT p.member_id AS member_id, COALESCE(o.occurred_at, p.occurred_at) / ${DAY_MS} AS day,
              SUM(CASE WHEN p.kind = 'refund' THEN -p.base_amount_minor ELSE p.base_amount_minor END) AS net_minor
         FROM purchases p LEFT JOIN purchases o ON o.id = p.refund_of_id
        WHERE p.occurred_at > :asOf AND p.occurred_at <= :until
          AND COALESCE(o.occurred_at, p.occurred_at) > :asOf
        GROUP BY p.member_id, COALESCE(o.occurred_at, p.occurred_at) / ${DAY_MS}
       HAVING SUM(CASE WHEN p.kind = 'refund' THEN -p.base_amount_minor ELSE p.base_amount_minor END) > 0
           OR (SUM(CASE WHEN p.kind = 'refund' THEN -p.base_amount_minor ELSE p.base_amount_minor END) = 0
               AND SUM(CASE WHEN p.kind = 'refund' THEN 1 ELSE 0 END) = 0)`,
      { asOf, until },
    );
    const days = new Map<string, HoldoutPurchaseDay[]>();
    for (const row of rows) {
      const memberId = row.string('member_id');
      const list = days.get(memberId) ?? [];
      list.push({ day: row.number('day'), netMinor: row.number('net_minor') });
      days.set(memberId, list);
    }
    return days;
  }
}
