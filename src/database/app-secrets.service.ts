import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppSecret } from './app-secret.entity';

/** Secrets generated once per installation and shared by every instance through the database. */
@Injectable()
export class AppSecretsService {
  private readonly cache = new Map<string, string>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(name: string): Promise<string> {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const repository = this.dataSource.getRepository(AppSecret);
    // Two instances may start together: insert-or-ignore, then read whichever row won.
    await repository
      .createQueryBuilder()
      .insert()
      .values({ name, value: randomBytes(32).toString('base64url') })
      .orIgnore()
      .execute();
    const row = await repository.findOneByOrFail({ name });
    this.cache.set(name, row.value);
    return row.value;
  }
}
