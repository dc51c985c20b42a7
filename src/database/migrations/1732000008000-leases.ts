import { id, instant, text } from './table-helpers';
import { TablesMigration } from './tables-migration';

export class Leases1732000008000 extends TablesMigration {
  name = 'Leases1732000008000';

  protected readonly tables = [
    {
      name: 'leases',
      columns: [id('name', 200), text('holder', 100, false), instant('expires_at')],
    },
  ];
}
