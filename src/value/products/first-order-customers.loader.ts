import { DataSource } from 'typeorm';
import { forEachRow, isSqlite } from '../../database/sql';
import {
  booleanValue,
  instantOrNullValue,
  instantValue,
  numberValue,
  stringOrNullValue,
} from '../../database/sql/column-values';
import { FirstOrderCustomer } from './first-product-groups';

/**
 * Each customer's first order (the earliest non-refund purchase up to asOf; orders at the same
 * instant in byte order of their externalId, so that both databases and a re-import agree), the
 * next order strictly after it, whether they object to profiling, and their current value
 * snapshot (the latest asOf date). Merged members' purchases have moved to the member they were
 * merged into, who is the one counted. Only the name of the bytewise collation differs between
 * SQLite and PostgreSQL.
 */
const firstOrderCustomers = (bytewise: string) => `
  WITH ranked AS (
    SELECT p.member_id, p.occurred_at, p.product, p.product_category,
           ROW_NUMBER() OVER (PARTITION BY p.member_id
                              ORDER BY p.occurred_at, p.external_id COLLATE ${bytewise}, p.id) AS position
      FROM purchases p
     WHERE p.kind = 'order' AND p.occurred_at <= :asOf
  )
  SELECT f.product, f.product_category, f.occurred_at,
         (SELECT MIN(n.occurred_at) FROM purchases n
           WHERE n.member_id = f.member_id AND n.kind = 'order'
             AND n.occurred_at > f.occurred_at AND n.occurred_at <= :asOf) AS next_order_at,
         CASE WHEN m.profiling_objection_at IS NULL THEN 0 ELSE 1 END AS objects,
         s.as_of_date, s.spend_minor, s.extended_minor, s.advocacy_minor
    FROM ranked f
    JOIN members m ON m.id = f.member_id
    LEFT JOIN value_snapshots s
      ON s.member_id = m.id
     AND s.as_of_date = (SELECT MAX(x.as_of_date) FROM value_snapshots x WHERE x.member_id = m.id)
   WHERE f.position = 1 AND m.merged_into_id IS NULL`;

/** Reads the customers of GET /metrics/products, one row at a time. */
export class FirstOrderCustomersLoader {
  constructor(private readonly dataSource: DataSource) {}

  /** Calls onCustomer for each customer; answers the latest snapshot date read, if any. */
  async forEachCustomer(
    asOf: number,
    onCustomer: (customer: FirstOrderCustomer) => void,
  ): Promise<{ valuesAsOf: string | null }> {
    let valuesAsOf: string | null = null;
    // SQLite compares text bytewise as BINARY; PostgreSQL's "C" does so whatever the locale.
    const bytewise = isSqlite(this.dataSource) ? 'BINARY' : '"C"';
    await forEachRow(this.dataSource, firstOrderCustomers(bytewise), { asOf }, (row) => {
      const [
        product,
        category,
        firstOrderAt,
        nextOrder,
        objects,
        asOfDate,
        spend,
        extended,
        advocacy,
      ] = row;
      const snapshotDate = stringOrNullValue(asOfDate, 'as_of_date');
      if (snapshotDate !== null && (valuesAsOf === null || snapshotDate > valuesAsOf))
        valuesAsOf = snapshotDate;
      onCustomer({
        product: stringOrNullValue(product, 'product'),
        category: stringOrNullValue(category, 'product_category'),
        firstOrderAt: instantValue(firstOrderAt, 'occurred_at'),
        nextOrderAt: instantOrNullValue(nextOrder, 'next_order_at'),
        objects: booleanValue(objects, 'objects'),
        value:
          snapshotDate === null
            ? null
            : {
                spendMinor: numberValue(spend, 'spend_minor'),
                extendedMinor: numberValue(extended, 'extended_minor'),
                advocacyMinor: numberValue(advocacy, 'advocacy_minor'),
              },
      });
    });
    return { valuesAsOf };
  }
}
