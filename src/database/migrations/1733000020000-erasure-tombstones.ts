import { id, instant, ref, text } from './table-helpers';
import { unique } from './table-keys';
import { TablesMigration } from './tables-migration';

/**
 * What an erasure leaves behind: a keyed hash (HMAC-SHA256 with the installation's secret) of
 * each email, handle and externalId of an erased person, so that a later create or import of
 * the same key is refused. The hash is unique: one tombstone per key, however often erased.
 */
export class ErasureTombstones1733000020000 extends TablesMigration {
  name = 'ErasureTombstones1733000020000';

  protected readonly tables = [
    {
      name: 'erasure_tombstones',
      columns: [
        id(),
        text('hash', 64, false),
        text('kind', 16, false),
        // The anonymous member whose activity stayed; no personal field.
        ref('member_id', true),
        instant('created_at'),
      ],
      indices: [unique('uq_erasure_tombstones_hash', ['hash'])],
    },
  ];
}
