import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { Campaign } from '../campaigns/campaign.entity';
import { ResultRow, anyRow } from '../database/sql';
import { ListPurchasesQuery } from './dto/list-purchases.query';
import { Purchase } from './purchase.entity';
import { RecordRepository } from '../database/record-repository';
import { findAmong, inChunks, insertMany, keyBy } from '../database/batch/batch-plan';
import { existingCampaignIds } from '../campaigns/campaign-ids';

/** What the refunds of one order add up to. */
export interface RefundTotals {
  count: number;
  totalMinor: number;
  /** occurredAt of the latest refund; null without refunds. */
  lastAt: number | null;
}

/**
 * The queries of purchases (orders and refunds). Each method is one query; `manager` is the
 * transaction the service runs, the data source's own manager otherwise.
 */
@Injectable()
export class PurchasesRepository extends RecordRepository<Purchase> {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource, Purchase);
  }

  findById(id: string, manager = this.dataSource.manager): Promise<Purchase | null> {
    return manager.getRepository(Purchase).findOneBy({ id });
  }

  /** A new externalId (most writes) is answered by a probe, without the query builder. */
  async findByExternalId(
    externalId: string,
    manager = this.dataSource.manager,
  ): Promise<Purchase | null> {
    const sql = 'SELECT 1 FROM purchases WHERE external_id = :externalId LIMIT 1';
    if (!(await anyRow(manager, sql, { externalId }))) return null;
    return manager.getRepository(Purchase).findOneBy({ externalId });
  }

  findOrderByExternalId(
    externalId: string,
    manager = this.dataSource.manager,
  ): Promise<Purchase | null> {
    return manager.getRepository(Purchase).findOneBy({ externalId, kind: 'order' });
  }

  /** The member's earliest order. */
  findFirstOrderOf(memberId: string, manager = this.dataSource.manager): Promise<Purchase | null> {
    return manager.getRepository(Purchase).findOne({
      where: { memberId, kind: 'order' },
      order: { occurredAt: 'ASC', id: 'ASC' },
    });
  }

  /** externalIds by id, e.g. of the orders that refunds refund. */
  async findExternalIdsOf(ids: string[]): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const purchases = await this.dataSource
      .getRepository(Purchase)
      .find({ where: { id: In(ids) }, select: { id: true, externalId: true } });
    return new Map(purchases.map((purchase) => [purchase.id, purchase.externalId]));
  }

  findPage(query: ListPurchasesQuery): Promise<Page<Purchase>> {
    const builder = this.dataSource.getRepository(Purchase).createQueryBuilder('purchase');
    if (query.memberId)
      builder.andWhere('purchase.member_id = :memberId', { memberId: query.memberId });
    if (query.kind) builder.andWhere('purchase.kind = :kind', { kind: query.kind });
    if (query.from)
      builder.andWhere('purchase.occurred_at >= :from', { from: parseIsoInstant(query.from) });
    if (query.to) builder.andWhere('purchase.occurred_at < :to', { to: parseIsoInstant(query.to) });
    return keysetPage(builder, {
      sortColumn: 'purchase.occurred_at',
      idColumn: 'purchase.id',
      sortValue: (purchase) => purchase.occurredAt,
      rowId: (purchase) => purchase.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /**
   * The refunds of an order, leaving out the one with `exceptExternalId` (a refund sent
   * again must not count against itself).
   */
  async sumRefundsOf(
    orderId: string,
    exceptExternalId: string | null,
    manager = this.dataSource.manager,
  ): Promise<RefundTotals> {
    const builder = manager
      .getRepository(Purchase)
      .createQueryBuilder('refund')
      .select('COALESCE(SUM(refund.amount_minor), 0)', 'total')
      .addSelect('MAX(refund.occurred_at)', 'last')
      .addSelect('COUNT(*)', 'count')
      .where('refund.refund_of_id = :orderId', { orderId });
    if (exceptExternalId !== null)
      builder.andWhere('refund.external_id <> :externalId', { externalId: exceptExternalId });
    // An aggregate without GROUP BY answers one row, also for an order without refunds.
    const row = new ResultRow((await builder.getRawOne<Record<string, unknown>>())!);
    return {
      count: row.number('count'),
      totalMinor: row.number('total'),
      lastAt: row.instantOrNull('last'),
    };
  }

  /** A member's orders less refunds, in the base currency's minor units (0 without any). */
  async netSpendOf(memberId: string, manager = this.dataSource.manager): Promise<number> {
    const row = await manager
      .getRepository(Purchase)
      .createQueryBuilder('purchase')
      .select(
        "COALESCE(SUM(CASE WHEN purchase.kind = 'refund' THEN -purchase.base_amount_minor ELSE purchase.base_amount_minor END), 0)",
        'net',
      )
      .where('purchase.member_id = :memberId', { memberId })
      .getRawOne<Record<string, unknown>>();
    return new ResultRow(row!).number('net');
  }

  /** Purchases by externalId, for a batch: the map holds those that exist. */
  async findByExternalIds(
    externalIds: string[],
    manager = this.dataSource.manager,
  ): Promise<Map<string, Purchase>> {
    const purchases = await findAmong(manager, Purchase, externalIds, (chunk) => ({
      externalId: In(chunk),
    }));
    return keyBy(purchases, (purchase) => purchase.externalId);
  }

  /** The ids among these that name a campaign. */
  existingCampaignIds(ids: string[], manager = this.dataSource.manager): Promise<Set<string>> {
    return existingCampaignIds(manager, ids);
  }

  /** New purchases in multi-row statements. */
  insertMany(purchases: Purchase[], manager = this.dataSource.manager): Promise<void> {
    return insertMany(manager, Purchase, purchases);
  }

  campaignExists(campaignId: string, manager = this.dataSource.manager): Promise<boolean> {
    return manager.getRepository(Campaign).existsBy({ id: campaignId });
  }

  /** Touches the order row: on PostgreSQL this locks it until the transaction ends. */
  async lockOrder(orderId: string, manager: EntityManager): Promise<void> {
    await manager.update(Purchase, { id: orderId }, { id: orderId });
  }

  /**
   * Dates each member's acquisition at their order unless a date was given or an earlier order
   * already set it: one statement per chunk of members (an import batch's first orders), one
   * member per order. The statement's text depends only on the chunk's size, so the database
   * keeps it prepared (it used to inline the dates: compiled again for every chunk).
   */
  async setAcquiredAtFromOrders(
    orders: Pick<Purchase, 'memberId' | 'occurredAt'>[],
    manager = this.dataSource.manager,
  ): Promise<void> {
    const driver = manager.connection.driver;
    for (const chunk of inChunks(orders, 200)) {
      // Integers are bound (sqlite-bound-integers), so the text depends on the size alone; the
      // casts type the VALUES for PostgreSQL.
      const parameters: Record<string, unknown> = { now: Date.now() };
      const firsts = chunk.map((order, index) => {
        parameters[`id${index}`] = order.memberId;
        parameters[`at${index}`] = order.occurredAt;
        return `(CAST(:id${index} AS VARCHAR(36)), CAST(:at${index} AS BIGINT))`;
      });
      const [sql, values] = driver.escapeQueryWithParameters(
        `WITH firsts (id, at) AS (VALUES ${firsts.join(', ')})
         UPDATE members
            SET acquired_at = firsts.at, acquired_at_source = 'firstPurchase',
                updated_at = CAST(:now AS BIGINT)
           FROM firsts
          WHERE members.id = firsts.id
            AND (members.acquired_at_source IS NULL
                 OR (members.acquired_at_source = 'firstPurchase' AND members.acquired_at > firsts.at))`,
        parameters,
      );
      await manager.query(sql, values);
    }
  }
}
