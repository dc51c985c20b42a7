import { AppSecretsService } from '../database/app-secrets.service';
import { ErasureTombstones } from '../members/erasure-tombstones';
import { Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DataSource } from 'typeorm';
import { createInMemoryDataSource, testSettings } from '../../test/support/in-memory-database';
import { CurrencyConverter } from '../config/currency-converter.service';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import { PurchasesRepository } from '../purchases/purchases.repository';
import { PurchasesService } from '../purchases/purchases.service';
import { PendingRow, RowResult, writeBatch } from './import-batch';
import { membersImporter } from './importers/members.importer';
import { purchasesImporter } from './importers/purchases.importer';
import { RecordImporter } from './record-importer';

/** A small deterministic generator (a fixed seed), so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

interface Side {
  dataSource: DataSource;
  members: RecordImporter;
  purchases: RecordImporter;
}

async function side(): Promise<Side> {
  const dataSource = await createInMemoryDataSource();
  const membersService = new MembersService(
    new MembersRepository(dataSource),
    new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
  );
  const purchasesService = new PurchasesService(
    new PurchasesRepository(dataSource),
    new CurrencyConverter(testSettings()),
  );
  return {
    dataSource,
    members: membersImporter(membersService) as unknown as RecordImporter,
    purchases: purchasesImporter(purchasesService) as unknown as RecordImporter,
  };
}

/** Rows that repeat keys, change content, name unknown members and campaigns, and refund. */
function memberRows(pick: (below: number) => number, count: number): object[] {
  return Array.from({ length: count }, () => {
    const n = pick(40);
    const row: Record<string, unknown> = {
      name: `Member ${pick(3) ? n : n + 1}`,
      tags: pick(2) ? ['vip'] : ['vip', `group-${n % 3}`],
      acquiredAt: pick(2) ? '2025-03-01' : undefined,
    };
    if (pick(8)) row.externalId = `m-${n}`;
    if (pick(6)) row.email = `${pick(5) ? 'member' : 'MEMBER'}-${pick(4) ? n : n + 1}@example.com`;
    if (!pick(15)) row.acquisitionCampaignId = '00000000-0000-4000-8000-000000000000';
    return row;
  });
}

function purchaseRows(pick: (below: number) => number, count: number): object[] {
  return Array.from({ length: count }, (_, index) => {
    const order = pick(60);
    const row: Record<string, unknown> = {
      externalId: `o-${order}`,
      memberExternalId: `m-${pick(45)}`,
      amount: `${10 + (pick(5) ? order : index)}.50`,
      currency: 'EUR',
      occurredAt: `2025-0${1 + (order % 9)}-1${order % 10}T10:00:00Z`,
      product: pick(3) ? `Product ${order % 4}` : undefined,
    };
    if (!pick(10))
      Object.assign(row, {
        externalId: `r-${order}`,
        kind: 'refund',
        refundOf: `o-${pick(60)}`,
        amount: '5.00',
        occurredAt: '2025-12-01T10:00:00Z',
      });
    if (!pick(20)) row.refundOf = `o-${order}`;
    return row;
  });
}

async function importRows(
  dataSource: DataSource,
  importer: RecordImporter,
  rows: object[],
): Promise<RowResult[]> {
  const results: RowResult[] = [];
  for (let start = 0; start < rows.length; start += 50) {
    const pending: PendingRow[] = rows.slice(start, start + 50).map((row, index) => ({
      line: start + index + 1,
      row: plainToInstance(importer.dto, row),
    }));
    results.push(...(await writeBatch(dataSource, importer, pending, new Logger('spec'))));
  }
  return results;
}

async function storedState(dataSource: DataSource): Promise<unknown> {
  const members = await dataSource.query(
    `SELECT m.external_id, m.email_normalized, m.name, m.acquired_at, m.acquired_at_source,
            (SELECT GROUP_CONCAT(tag, '|') FROM (SELECT tag FROM member_tags t WHERE t.member_id = m.id ORDER BY tag)) AS tags
       FROM members m ORDER BY m.external_id, m.email_normalized`,
  );
  const purchases = await dataSource.query(
    `SELECT p.external_id, m.external_id AS member, p.kind, p.amount_minor, p.occurred_at, p.product,
            (SELECT o.external_id FROM purchases o WHERE o.id = p.refund_of_id) AS refund_of
       FROM purchases p JOIN members m ON m.id = p.member_id ORDER BY p.external_id`,
  );
  return { members, purchases };
}

describe('writeBatch: the set-based plan and the row path agree', () => {
  let planned: Side;
  let rowByRow: Side;
  const withoutPlan = (importer: RecordImporter): RecordImporter => ({
    ...importer,
    plan: undefined,
  });

  beforeEach(async () => {
    planned = await side();
    rowByRow = await side();
  });
  afterEach(async () => {
    await planned.dataSource.destroy();
    await rowByRow.dataSource.destroy();
  });

  it.each([1, 2, 3, 4, 5])(
    'members then purchases, seed %i: same answers, row by row, and the same stored state',
    async (seed) => {
      const members = memberRows(random(seed), 150);
      const purchases = purchaseRows(random(seed * 7), 250);
      const plannedResults = [
        ...(await importRows(planned.dataSource, planned.members, members)),
        ...(await importRows(planned.dataSource, planned.purchases, purchases)),
      ];
      const rowResults = [
        ...(await importRows(rowByRow.dataSource, withoutPlan(rowByRow.members), members)),
        ...(await importRows(rowByRow.dataSource, withoutPlan(rowByRow.purchases), purchases)),
      ];
      expect(plannedResults).toEqual(rowResults);
      // Every kind of answer occurs, so the comparison is not vacuous.
      const kinds = new Set(
        plannedResults.map((result) => ('outcome' in result ? result.outcome : 'refused')),
      );
      expect([...kinds].sort()).toEqual(['created', 'refused', 'unchanged']);
      expect(await storedState(planned.dataSource)).toEqual(await storedState(rowByRow.dataSource));
    },
  );

  it('writes a batch again row by row when its insert breaks a constraint (a concurrent writer)', async () => {
    const rows = memberRows(random(9), 40);
    const importer = planned.members;
    const racing: RecordImporter = {
      ...importer,
      plan: async (manager, batch) => {
        const plan = await importer.plan!(manager, batch);
        return {
          ...plan,
          keys: (row) => plan.keys(row),
          decide: (row) => plan.decide(row),
          flush: async (transaction) => {
            // A constraint breaks between the lookups and the insert, as a concurrent writer's would.
            await transaction.query(
              `INSERT INTO members (id, external_id, referral_code, created_at, updated_at)
               VALUES ('11111111-1111-4111-8111-111111111111', 'm-race', 'RACE-1', 0, 0)`,
            );
            await transaction.query(
              `INSERT INTO members (id, external_id, referral_code, created_at, updated_at)
               VALUES ('22222222-2222-4222-8222-222222222222', 'm-race', 'RACE-2', 0, 0)`,
            );
            await plan.flush(transaction);
          },
        };
      },
    };
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const results = await importRows(planned.dataSource, racing, rows);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('writing it again row by row'));
    warn.mockRestore();
    const rowResults = await importRows(rowByRow.dataSource, withoutPlan(rowByRow.members), rows);
    expect(results).toEqual(rowResults);
    expect(await storedState(planned.dataSource)).toEqual(await storedState(rowByRow.dataSource));
  });
});
