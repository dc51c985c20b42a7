import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { Lease } from './lease.entity';

/**
 * Leases in the database (a row per name), so that SQLite and PostgreSQL alike let exactly one
 * instance hold a name at a time. Taking a lease is one conditional UPDATE: atomic on both.
 */
@Injectable()
export class LeaseService {
  /** This instance's identity as a lease holder. */
  readonly holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `holder` defaults to this instance; a task that must exclude its own instance names itself. */
  async acquire(
    name: string,
    ttlMs: number,
    now = Date.now(),
    holder = this.holder,
  ): Promise<boolean> {
    const repository = this.dataSource.getRepository(Lease);
    await repository
      .createQueryBuilder()
      .insert()
      .values({ name, holder: '', expiresAt: 0 })
      .orIgnore()
      .execute();
    const result = await repository
      .createQueryBuilder()
      .update()
      .set({ holder, expiresAt: now + ttlMs })
      .where('name = :name AND (holder = :holder OR expires_at < :now)', { name, holder, now })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  async release(name: string, holder = this.holder): Promise<void> {
    await this.dataSource
      .getRepository(Lease)
      .createQueryBuilder()
      .update()
      .set({ expiresAt: 0 })
      .where('name = :name AND holder = :holder', { name, holder })
      .execute();
  }
}
