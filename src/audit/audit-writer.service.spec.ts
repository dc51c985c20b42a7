import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { sqliteConnection } from '../database/sql';
import { SnakeNamingStrategy } from '../database/snake-naming.strategy';
import { systemDraft } from './audit-draft';
import { AuditEntryRecord } from './audit-entry-record.entity';
import { AuditEntry } from './audit-entry.entity';
import { AuditWriter } from './audit-writer.service';

const RECORD = '0b0e6a4e-8a36-4d6c-9d0f-6c8f7c9f2a11';

describe('AuditWriter on SQLite', () => {
  let dataSource: DataSource;
  let writer: AuditWriter;

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [AuditEntry, AuditEntryRecord],
      namingStrategy: new SnakeNamingStrategy(),
      synchronize: true,
    });
    await dataSource.initialize();
    // An entry the database refuses, as a broken one would be.
    await dataSource.query(
      "CREATE TRIGGER refuse BEFORE INSERT ON audit_entries WHEN NEW.action = 'bad' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    );
    writer = new AuditWriter(dataSource);
  });

  afterEach(() => dataSource.destroy());

  const rows = () =>
    dataSource.query<{ action: string; records: number }[]>(
      'SELECT e.action AS action, COUNT(r.record_id) AS records FROM audit_entries e LEFT JOIN audit_entry_records r ON r.entry_id = e.id GROUP BY e.id ORDER BY e.id',
    );

  it('writes the entries of one moment in one transaction, each with its record rows', async () => {
    const sqlite = sqliteConnection(dataSource)!;
    const transaction = jest.spyOn(sqlite, 'transaction');
    await Promise.all([
      writer.record(systemDraft('first', [RECORD])),
      writer.record(systemDraft('second')),
      writer.record(systemDraft('third', [RECORD])),
    ]);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await rows()).toEqual([
      { action: 'first', records: 1 },
      { action: 'second', records: 0 },
      { action: 'third', records: 1 },
    ]);
  });

  it('writes the others when one entry of the group is refused, and never throws', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await Promise.all([
      writer.record(systemDraft('first', [RECORD])),
      writer.record(systemDraft('bad', [RECORD])),
      writer.record(systemDraft('third')),
    ]);
    expect(await rows()).toEqual([
      { action: 'first', records: 1 },
      { action: 'third', records: 0 },
    ]);
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('waits for another flow’s open transaction instead of joining it', async () => {
    const rolledBack = dataSource.transaction(async (manager) => {
      const written = writer.record(systemDraft('outside'));
      await new Promise((resolve) => setTimeout(resolve, 30));
      await manager.query(
        "INSERT INTO audit_entries (id, at, actor_kind, action, outcome) VALUES ('x', 1, 'system', 'inside', 'success')",
      );
      throw Object.assign(new Error('rolled back'), { written });
    });
    const error = (await rolledBack.catch((caught: unknown) => caught)) as {
      written: Promise<void>;
    };
    await error.written;
    expect(await rows()).toEqual([{ action: 'outside', records: 0 }]);
  });
});
