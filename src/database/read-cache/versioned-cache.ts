import { DataSource } from 'typeorm';
import { sqliteConnection } from '../sql';
import { databaseVersion } from './database-version';

interface Entry<T> {
  version: string;
  value: Promise<T>;
}

/**
 * Answers computed from the database, each kept with the database's version when its
 * computation began (databaseVersion) and given again only while that version holds: a commit
 * anywhere, by any writer, makes the next request compute afresh. So an answer is never older
 * than the data, while a dashboard asking the same question again between writes is answered
 * at once. The key must name everything else the answer depends on (the resolved period, the
 * filters, the clock's day). The least recently used entries go beyond `size`.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly size = 64,
  ) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const version = await databaseVersion(this.dataSource);
    if (version === null) return compute();
    const entry = this.entries.get(key);
    if (entry?.version === version) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      // A copy: what a caller does to its answer never reaches the next one.
      return structuredClone(await entry.value);
    }
    const value = compute();
    const fresh = { version, value };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    const forget = () => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    };
    try {
      const answer = await value;
      // Computed across an open transaction on SQLite's one connection: it may have seen rows
      // that are rolled back yet leave the version as it was.
      if (sqliteConnection(this.dataSource)?.inTransaction) forget();
      return structuredClone(answer);
    } catch (error) {
      forget();
      throw error;
    }
  }
}
