import { DataSource } from 'typeorm';
import { createInMemoryDataSource } from '../../test/support/in-memory-database';
import { AppSecret } from './app-secret.entity';
import { AppSecretsService } from './app-secrets.service';

describe('AppSecretsService', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
  });
  afterAll(() => dataSource.destroy());

  it('reads a secret once for many callers at once, and keeps the first value stored', async () => {
    const secrets = new AppSecretsService(dataSource);
    const query = jest.spyOn(dataSource, 'getRepository');
    const values = await Promise.all(Array.from({ length: 50 }, () => secrets.get('shared')));
    expect(new Set(values).size).toBe(1);
    expect(query).toHaveBeenCalledTimes(1);
    query.mockRestore();
    // Another instance (a new service) finds the same value, not a new one.
    expect(await new AppSecretsService(dataSource).get('shared')).toBe(values[0]);
    expect(await dataSource.getRepository(AppSecret).countBy({ name: 'shared' })).toBe(1);
  });

  it('tries again after a failed read', async () => {
    const secrets = new AppSecretsService(dataSource);
    const query = jest.spyOn(dataSource, 'getRepository').mockImplementationOnce(() => {
      throw new Error('connection lost');
    });
    await expect(secrets.get('retried')).rejects.toThrow('connection lost');
    query.mockRestore();
    expect(await secrets.get('retried')).toMatch(/.{20,}/);
  });
});
