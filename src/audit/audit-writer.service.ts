import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import type { Database, Statement } from 'better-sqlite3';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { timeOrderedUuids } from '../common/ids/time-ordered-uuid';
import { sqliteConnection } from '../database/sql';
import { AuditDraft } from './audit-draft';
import { AuditEntryRecord } from './audit-entry-record.entity';
import { AuditEntry } from './audit-entry.entity';

/** How long a SQLite write waits for another flow's open transaction before joining it. */
const SQLITE_TRANSACTION_WAIT_MS = 10_000;
const SHUTDOWN_WAIT_MS = 5_000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Writes audit entries: one entry and its record rows in one transaction (on SQLite, with the
 * other entries of the same moment: see `queued`), after the answer has
 * gone (the caller never waits for it, and a failure is logged, never thrown). On SQLite the
 * insert runs on better-sqlite3 directly, synchronously and only while no other flow holds a
 * transaction open on the one shared connection: otherwise the entry would join that flow's
 * transaction and vanish with its rollback. Shutdown waits for the entries still being written.
 */
@Injectable()
export class AuditWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditWriter.name);
  private readonly pending = new Set<Promise<void>>();
  private ids = { at: Number.NaN, next: () => '' };
  private statements?: {
    connection: Database;
    entry: Statement<unknown[]>;
    record: Statement<unknown[]>;
  };
  private readonly queue: Queued[] = [];

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Starts writing the entry; the returned promise never rejects. */
  record(draft: AuditDraft | Promise<AuditDraft | null> | null, now?: number): Promise<void> {
    const write = Promise.resolve(draft)
      .then((ready) => (ready ? this.insert(ready, now ?? Date.now()) : undefined))
      .catch((error: unknown) =>
        this.logger.error({ message: 'audit entry not written', error: (error as Error).message }),
      )
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
    return write;
  }

  /** Resolves once every entry started so far is written (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Entries of requests answered before shutdown are written; a stuck one does not hold it up. */
  beforeApplicationShutdown(): Promise<void> {
    return Promise.race([this.settled(), pause(SHUTDOWN_WAIT_MS)]);
  }

  private async insert(draft: AuditDraft, at: number): Promise<void> {
    const id = this.idAt(at);
    const entry: AuditEntry = {
      id,
      at,
      actorKind: draft.actor.kind,
      keyId: draft.actor.keyId,
      keyName: draft.actor.keyName,
      keyPrefix: draft.keyPrefix,
      action: draft.action,
      method: draft.method,
      route: draft.route,
      statusCode: draft.statusCode,
      outcome: draft.outcome,
      requestId: draft.requestId,
      remoteAddress: draft.remoteAddress,
      details: draft.details ? JSON.stringify(draft.details) : null,
    };
    const records: AuditEntryRecord[] = draft.recordIds.map((recordId) => ({
      entryId: id,
      recordId,
      at,
    }));
    const sqlite = sqliteConnection(this.dataSource);
    if (!sqlite) {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(AuditEntry, entry);
        if (records.length > 0) await manager.insert(AuditEntryRecord, records);
      });
      return;
    }
    await this.queued(sqlite, { entry, records });
  }

  /**
   * SQLite: the entries of the requests answered in the same turn of the event loop are written
   * in one transaction (one commit instead of one each: the commit is most of an entry's cost).
   * Each entry is still whole or absent; when a group's transaction fails, its entries are
   * written one transaction each, so that a bad entry costs only itself.
   */
  private queued(sqlite: Database, row: AuditRow): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => void this.flush(sqlite));
    });
  }

  private async flush(sqlite: Database): Promise<void> {
    for (let waited = 0; sqlite.inTransaction && waited < SQLITE_TRANSACTION_WAIT_MS; waited += 5)
      await pause(5);
    const group = this.queue.splice(0);
    const write = (rows: AuditRow[]) =>
      sqlite.transaction(() => {
        for (const row of rows) this.insertRow(sqlite, row);
      })();
    try {
      write(group.map((queued) => queued.row));
      for (const queued of group) queued.resolve();
    } catch {
      for (const queued of group) {
        try {
          write([queued.row]);
          queued.resolve();
        } catch (error) {
          queued.reject(error);
        }
      }
    }
  }

  /** An entry and its record rows, with two statements prepared once per connection. */
  private insertRow(sqlite: Database, { entry, records }: AuditRow): void {
    if (this.statements?.connection !== sqlite)
      this.statements = {
        connection: sqlite,
        entry: sqlite.prepare(insertSql(this.dataSource, AuditEntry, ENTRY_COLUMNS)),
        record: sqlite.prepare(insertSql(this.dataSource, AuditEntryRecord, RECORD_COLUMNS)),
      };
    this.statements.entry.run(ENTRY_COLUMNS.map((column) => entry[column]));
    for (const record of records)
      this.statements.record.run(RECORD_COLUMNS.map((column) => record[column]));
  }

  /** Ids of one millisecond come from one sequence, so they sort in the order entries were made. */
  private idAt(at: number): string {
    if (this.ids.at !== at) this.ids = { at, next: timeOrderedUuids(at) };
    return this.ids.next();
  }
}

interface AuditRow {
  entry: AuditEntry;
  records: AuditEntryRecord[];
}

interface Queued {
  row: AuditRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

const ENTRY_COLUMNS = [
  'id',
  'at',
  'actorKind',
  'keyId',
  'keyName',
  'keyPrefix',
  'action',
  'method',
  'route',
  'statusCode',
  'outcome',
  'requestId',
  'remoteAddress',
  'details',
] as const satisfies readonly (keyof AuditEntry)[];
const RECORD_COLUMNS = [
  'entryId',
  'recordId',
  'at',
] as const satisfies readonly (keyof AuditEntryRecord)[];

/** `INSERT INTO table (columns) VALUES (?, …)`, the columns of these properties in this order. */
function insertSql(dataSource: DataSource, target: object, properties: readonly string[]): string {
  const metadata = dataSource.getMetadata(target as typeof AuditEntry);
  const columns = properties.map(
    (property) => `"${metadata.findColumnWithPropertyName(property)!.databaseName}"`,
  );
  return `INSERT INTO "${metadata.tableName}" (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
}
