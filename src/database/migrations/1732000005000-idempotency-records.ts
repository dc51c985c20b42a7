import { id, instant, integer, longText, ref, text } from './table-helpers';
import { unique } from './table-keys';
import { TablesMigration } from './tables-migration';

export class IdempotencyRecords1732000005000 extends TablesMigration {
  name = 'IdempotencyRecords1732000005000';

  protected readonly tables = [
    {
      name: 'idempotency_records',
      columns: [
        id(),
        ref('api_key_id'),
        text('key', 200, false),
        text('route', 300, false),
        text('request_hash', 64, false),
        integer('status'),
        longText('response_body', false),
        instant('created_at'),
      ],
      indices: [unique('uq_idempotency_records_key', ['api_key_id', 'key'])],
    },
  ];
}
