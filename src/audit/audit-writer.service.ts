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
 * Writes audit entries: one entry and its record rows in one transaction, after the answer has
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
  private statements: { connection: Database | null; bySql: Map<string, Statement> } = {
    connection: null,
    bySql: new Map(),
  };

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
    const statements = [
      this.insertSql(AuditEntry, [entry]),
      ...(records.length > 0 ? [this.insertSql(AuditEntryRecord, records)] : []),
    ];
    for (let waited = 0; sqlite.inTransaction && waited < SQLITE_TRANSACTION_WAIT_MS; waited += 5)
      await pause(5);
    sqlite.transaction(() => {
      for (const [sql, values] of statements) this.prepared(sqlite, sql).run(...values);
    })();
  }

  /** A statement prepared once per shape (an entry, 1 to 10 record rows) and connection. */
  private prepared(sqlite: Database, sql: string): Statement {
    if (this.statements.connection !== sqlite)
      this.statements = { connection: sqlite, bySql: new Map() };
    let statement = this.statements.bySql.get(sql);
    if (!statement) {
      statement = sqlite.prepare(sql);
      this.statements.bySql.set(sql, statement);
    }
    return statement;
  }

  /** Ids of one millisecond come from one sequence, so they sort in the order entries were made. */
  private idAt(at: number): string {
    if (this.ids.at !== at) this.ids = { at, next: timeOrderedUuids(at) };
    return this.ids.next();
  }

  private insertSql<Row extends object>(target: new () => Row, rows: Row[]): [string, unknown[]] {
    return this.dataSource
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows)
      .getQueryAndParameters();
  }
}
