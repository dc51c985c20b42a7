import { DataSource } from 'typeorm';
import { rawQuery } from '../../database/sql';
import { StoredDriver as Driver } from './stored-driver';

/**
 * What reasons name, read at request time so that they carry current names (an erased or
 * renamed person reads as they are now): members and events by id, and the referees' revenue
 * (orders less refunds, base currency) up to the snapshot's asOf.
 */
export class ReasonNames {
  private constructor(
    private readonly members: Map<string, string | null>,
    private readonly events: Map<string, string>,
    private readonly revenues: Map<string, number>,
  ) {}

  static async load(
    dataSource: DataSource,
    drivers: readonly Driver[],
    asOf: number,
  ): Promise<ReasonNames> {
    const memberIds = new Set<string>();
    const eventIds = new Set<string>();
    const refereeIds = new Set<string>();
    for (const driver of drivers) {
      const params = driver.params ?? {};
      if (typeof params.refereeId === 'string') {
        memberIds.add(params.refereeId);
        if (driver.kind === 'referral') refereeIds.add(params.refereeId);
      }
      if (typeof params.eventId === 'string') eventIds.add(params.eventId);
      if (driver.kind === 'event' && driver.id) eventIds.add(driver.id);
    }
    const members = memberIds.size
      ? await rawQuery(dataSource, 'SELECT id, name FROM members WHERE id IN (:...ids)', {
          ids: [...memberIds],
        })
      : [];
    const events = eventIds.size
      ? await rawQuery(dataSource, 'SELECT id, name FROM events WHERE id IN (:...ids)', {
          ids: [...eventIds],
        })
      : [];
    const revenues = refereeIds.size
      ? await rawQuery(
          dataSource,
          `SELECT member_id, SUM(CASE WHEN kind = 'refund' THEN -base_amount_minor ELSE base_amount_minor END) AS revenue
             FROM purchases WHERE member_id IN (:...ids) AND occurred_at <= :asOf GROUP BY member_id`,
          { ids: [...refereeIds], asOf },
        )
      : [];
    return new ReasonNames(
      new Map(members.map((row) => [row.string('id'), row.stringOrNull('name')])),
      new Map(events.map((row) => [row.string('id'), row.string('name')])),
      new Map(revenues.map((row) => [row.string('member_id'), row.number('revenue')])),
    );
  }

  /** The member's name; null when they have none (or are gone). */
  member(id: string): string | null {
    return this.members.get(id) ?? null;
  }

  event(id: string): string | null {
    return this.events.get(id) ?? null;
  }

  /** What the member has spent so far (minor units of the base currency). */
  revenue(memberId: string): number {
    return this.revenues.get(memberId) ?? 0;
  }
}
