import type { Database as SqliteDatabase } from 'better-sqlite3';
import { DataSource, EntityManager, LessThan } from 'typeorm';
import { ValueRun } from '../value-run.entity';
import { MemberRange } from '../../database/member-range';
import { ValueRunChunk } from './value-run-chunk.entity';

/** Marks a chunk done in the transaction that writes its snapshot rows (snapshot-writer.ts). */
export interface ChunkCompletion {
  sqlite: (database: SqliteDatabase) => void;
  manager: (manager: EntityManager) => Promise<void>;
}

/** Chunks are taken and completed only while their run runs (not once it failed). */
const RUN_RUNNING = `EXISTS (SELECT 1 FROM value_runs r WHERE r.id = run_id AND r.status = 'running')`;

/** The chunk's lease went to another instance (this one stopped renewing in time). */
export class ChunkLeaseLostError extends Error {
  constructor(chunk: Pick<ValueRunChunk, 'runId' | 'chunkNo'>) {
    super(`chunk ${chunk.chunkNo} of run ${chunk.runId} is no longer leased by this instance`);
  }
}

/** Consecutive ranges of about `size` members each, from the run's member ids in key order. */
export function chunkRanges(memberIds: readonly string[], size: number): MemberRange[] {
  const ranges: MemberRange[] = [];
  for (let start = 0; start < memberIds.length || start === 0; start += size) {
    const next = memberIds[start + size];
    ranges.push({ from: start === 0 ? null : memberIds[start], to: next ?? null });
    if (next === undefined) break;
  }
  return ranges;
}

/**
 * Chunk leases of recompute runs, in the database so that every instance on it sees them. Taking
 * a chunk is a conditional UPDATE (atomic on SQLite and PostgreSQL alike); a holder renews while
 * it values the chunk; a chunk whose lease expired (its holder died or froze) is taken again.
 */
export class ChunkLeases {
  constructor(
    private readonly dataSource: DataSource,
    readonly holder: string,
    private readonly leaseMs: number,
  ) {}

  private get chunks() {
    return this.dataSource.getRepository(ValueRunChunk);
  }

  async create(manager: EntityManager, runId: string, ranges: MemberRange[]): Promise<void> {
    const rows = ranges.map((range, chunkNo) => ({
      runId,
      chunkNo,
      fromMemberId: range.from,
      toMemberId: range.to,
      status: 'pending' as const,
      holder: null,
      leaseExpiresAt: 0,
      attempts: 0,
      members: 0,
      doneAt: null,
    }));
    for (let at = 0; at < rows.length; at += 200)
      await manager.getRepository(ValueRunChunk).insert(rows.slice(at, at + 200));
  }

  /** The first pending chunk nobody holds (or whose holder's lease expired), now leased here. */
  async claim(runId: string): Promise<ValueRunChunk | null> {
    for (;;) {
      const now = Date.now();
      const candidate = await this.chunks.findOne({
        where: { runId, status: 'pending', leaseExpiresAt: LessThan(now) },
        order: { chunkNo: 'ASC' },
      });
      if (!candidate) return null;
      const result = await this.chunks
        .createQueryBuilder()
        .update()
        .set({
          holder: this.holder,
          leaseExpiresAt: now + this.leaseMs,
          attempts: () => 'attempts + 1',
        })
        .where(
          `run_id = :runId AND chunk_no = :chunkNo AND status = :pending AND lease_expires_at < :now
           AND ${RUN_RUNNING}`,
          { runId, chunkNo: candidate.chunkNo, pending: 'pending', now },
        )
        .execute();
      if (result.affected === 1)
        return Object.assign(candidate, {
          holder: this.holder,
          leaseExpiresAt: now + this.leaseMs,
          attempts: candidate.attempts + 1,
        });
      // Another instance took it between the two statements: look for the next.
    }
  }

  /** Keeps the lease while the chunk is valued; stops when the returned function is called. */
  keep(chunk: ValueRunChunk): () => void {
    const timer = setInterval(
      () => {
        void this.chunks
          .update(
            { runId: chunk.runId, chunkNo: chunk.chunkNo, holder: this.holder, status: 'pending' },
            { leaseExpiresAt: Date.now() + this.leaseMs },
          )
          .catch(() => undefined);
      },
      Math.max(250, Math.floor(this.leaseMs / 4)),
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  /** Gives a chunk back at once (its valuation failed here): another may try it. */
  async release(chunk: ValueRunChunk): Promise<void> {
    await this.chunks.update(
      { runId: chunk.runId, chunkNo: chunk.chunkNo, holder: this.holder, status: 'pending' },
      { holder: null, leaseExpiresAt: 0 },
    );
  }

  /**
   * The chunk done, written by its holder only: if another instance took it meanwhile, the
   * update finds nothing and the transaction with the snapshot rows rolls back.
   */
  completion(chunk: ValueRunChunk, members: number): ChunkCompletion {
    const doneAt = Date.now();
    return {
      sqlite: (database) => {
        const changes = database
          .prepare(
            `UPDATE value_run_chunks SET status = 'done', members = ?, done_at = ?
              WHERE run_id = ? AND chunk_no = ? AND holder = ? AND status = 'pending'
                AND ${RUN_RUNNING}`,
          )
          .run(members, doneAt, chunk.runId, chunk.chunkNo, this.holder).changes;
        if (changes !== 1) throw new ChunkLeaseLostError(chunk);
      },
      manager: async (manager) => {
        const result = await manager
          .getRepository(ValueRunChunk)
          .createQueryBuilder()
          .update()
          .set({ status: 'done', members, doneAt })
          .where(
            `run_id = :runId AND chunk_no = :chunkNo AND holder = :holder AND status = 'pending'
             AND ${RUN_RUNNING}`,
            { runId: chunk.runId, chunkNo: chunk.chunkNo, holder: this.holder },
          )
          .execute();
        if (result.affected !== 1) throw new ChunkLeaseLostError(chunk);
      },
    };
  }

  /** Chunks not yet done, members valued so far, and whether the run still runs. */
  async progress(
    runId: string,
  ): Promise<{ pending: number; members: number; chunks: number; running: boolean }> {
    const chunks = await this.chunks.find({
      select: { status: true, members: true },
      where: { runId },
    });
    const run = await this.dataSource.getRepository(ValueRun).findOneBy({ id: runId });
    return {
      running: run?.status === 'running',
      pending: chunks.filter((chunk) => chunk.status === 'pending').length,
      members: chunks.reduce((total, chunk) => total + chunk.members, 0),
      chunks: chunks.length,
    };
  }
}
