import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppSecret } from './app-secret.entity';

/** Secrets generated once per installation and shared by every instance through the database. */
@Injectable()
export class AppSecretsService {
  /** The value or its pending read: a batch hashing 2,000 keys at once reads the row once. */
  private readonly cache = new Map<string, Promise<string>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  get(name: string): Promise<string> {
    let value = this.cache.get(name);
    if (!value) {
      value = this.read(name);
      this.cache.set(name, value);
      // A failed read is tried again by the next caller.
      value.catch(() => this.cache.delete(name));
    }
    return value;
  }

  private async read(name: string): Promise<string> {
    const repository = this.dataSource.getRepository(AppSecret);
    // Two instances may start together: insert-or-ignore, then read whichever row won.
    await repository
      .createQueryBuilder()
      .insert()
      .values({ name, value: randomBytes(32).toString('base64url') })
      .orIgnore()
      .execute();
    return (await repository.findOneByOrFail({ name })).value;
  }
}
