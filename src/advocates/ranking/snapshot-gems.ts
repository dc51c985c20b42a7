import { DataSource } from 'typeorm';
import { SqlRunner, rawQuery, runStatement } from '../../database/sql';
import { BASES, Basis } from '../dto/list-advocates.query';
import { figures } from './ranking-sql';

/** Hidden gems: advocacy value at least this, spend below that. */
export interface Gems {
  advocacyMinor: number;
  medianSpendMinor: number;
}

/** What hidden gems read of a date's current snapshots, whatever the decile asked for. */
interface GemCounts {
  /** Members with an advocacy value above zero, and customers (an order or more). */
  advocates: number;
  customers: number;
  /** The customers' median spend; null without customers. */
  medianSpendMinor: number | null;
}

/** The date's current snapshots: through the view, so by the run that is current. */
const SNAPSHOTS = 'SELECT COUNT(*) AS n FROM value_snapshots s WHERE s.as_of_date = :date';

/** Counts and median over the date's current snapshots (members objecting to profiling have none). */
async function countGems(reader: SqlRunner, date: string, basis: Basis): Promise<GemCounts> {
  const advocacy = figures(basis).advocacy('s');
  const count = async (condition: string) =>
    (await rawQuery(reader, `${SNAPSHOTS} AND ${condition}`, { date }))[0].number('n');
  const advocates = await count(`${advocacy} > 0`);
  const customers = await count('s.order_count > 0');
  if (!customers) return { advocates, customers, medianSpendMinor: null };
  const middle = await rawQuery(
    reader,
    `SELECT s.spend_minor AS v FROM value_snapshots s WHERE s.as_of_date = :date AND s.order_count > 0
      ORDER BY s.spend_minor LIMIT 2 OFFSET ${Math.floor((customers - 1) / 2)}`,
    { date },
  );
  const median =
    customers % 2 === 1
      ? middle[0].number('v')
      : (middle[0].number('v') + middle[1].number('v')) / 2;
  return { advocates, customers, medianSpendMinor: median };
}

/**
 * The stored counts of the date's current run, while they still describe its snapshots: a
 * run's rows are never added to nor changed once it is current, only deleted (an erasure, an
 * objection to profiling, a merge, an import undo), so an equal number of them is the same
 * rows. Null when none are stored for the current run or some of its rows went since.
 */
async function storedGemCounts(
  dataSource: DataSource,
  date: string,
  basis: Basis,
): Promise<GemCounts | null> {
  const [row] = await rawQuery(
    dataSource,
    `SELECT g.snapshots, g.advocates, g.customers, g.median_spend_minor, (${SNAPSHOTS}) AS current_snapshots
       FROM value_snapshot_gems g
       JOIN value_snapshot_dates d ON d.as_of_date = g.as_of_date AND d.run_id = g.run_id
      WHERE g.as_of_date = :date AND g.basis = :basis`,
    { date, basis },
  );
  if (!row || row.number('snapshots') !== row.number('current_snapshots')) return null;
  return {
    advocates: row.number('advocates'),
    customers: row.number('customers'),
    medianSpendMinor: row.numberOrNull('median_spend_minor'),
  };
}

/**
 * Hidden gems' bounds over the snapshots read as current: the advocacy value of the top
 * decile's last member (ties included) and the customers' median spend; null when nobody
 * qualifies. The counts and median come from what the recompute stored where that still
 * holds (`storeGems`), else from the snapshots; the decile's bound is read from the index.
 */
export async function gemsOf(
  dataSource: DataSource,
  date: string,
  basis: Basis,
  decile: number,
): Promise<Gems | null> {
  const counts =
    (await storedGemCounts(dataSource, date, basis)) ?? (await countGems(dataSource, date, basis));
  if (!counts.advocates || !counts.customers) return null;
  const advocacy = figures(basis).advocacy('s');
  const rank = Math.ceil(counts.advocates * decile);
  const [threshold] = await rawQuery(
    dataSource,
    `SELECT ${advocacy} AS v FROM value_snapshots s WHERE s.as_of_date = :date AND ${advocacy} > 0
      ORDER BY ${advocacy} DESC LIMIT 1 OFFSET ${rank - 1}`,
    { date },
  );
  return { advocacyMinor: threshold.number('v'), medianSpendMinor: counts.medianSpendMinor! };
}

/**
 * Stores the hidden gems' counts and median of the date's current snapshots on both bases,
 * replacing every one stored: after the recompute publishes (storeDefaultGrowth).
 */
export async function storeGems(dataSource: DataSource, date: string): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await runStatement(manager, 'DELETE FROM value_snapshot_gems', {});
    const [current] = await rawQuery(
      manager,
      'SELECT d.run_id FROM value_snapshot_dates d WHERE d.as_of_date = :date',
      { date },
    );
    if (!current) return;
    // Counted before the figures: a deletion between the two statements (PostgreSQL reads
    // each at its own start) leaves more snapshots stored than there are, never as many.
    const [snapshots] = await rawQuery(manager, SNAPSHOTS, { date });
    for (const basis of BASES) {
      const counts = await countGems(manager, date, basis);
      await runStatement(
        manager,
        `INSERT INTO value_snapshot_gems (as_of_date, run_id, basis, snapshots, advocates, customers, median_spend_minor)
         VALUES (:date, :runId, :basis, :snapshots, :advocates, :customers, :median)`,
        {
          date,
          runId: current.string('run_id'),
          basis,
          snapshots: snapshots.number('n'),
          advocates: counts.advocates,
          customers: counts.customers,
          median: counts.medianSpendMinor,
        },
      );
    }
  });
}
