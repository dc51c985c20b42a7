import { DataSource } from 'typeorm';
import { createInMemoryDataSource } from '../../../test/support/in-memory-database';
import { newRecordId } from '../../common/ids/time-ordered-uuid';
import { Mention } from '../../mentions/mention.entity';
import { insertRows } from './insert-statement';

describe('insertRows', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
  });
  afterAll(() => dataSource.destroy());

  const mention = (index: number): Mention =>
    Object.assign(new Mention(), {
      id: newRecordId(),
      createdAt: 1_700_000_000_000 + index,
      updatedAt: 1_700_000_000_000 + index,
      externalId: index % 2 ? `post-${index}` : null,
      platform: 'instagram',
      handle: `@Ada${index}`,
      handleNormalized: `ada${index}`,
      memberId: null,
      url: `https://example.com/p/${index}`,
      urlNormalized: `https://example.com/p/${index}`,
      externalPostId: null,
      postedAt: 1_690_000_000_000 + index,
      reach: index * 10,
      likes: 3,
      shares: 0,
      comments: 1,
      // Left out: the column's default (0) is written, as the query builder would.
      clicks: undefined as unknown as number,
      sentiment: index % 3 ? 0.5 : null,
    });

  it('writes rows over several statements, each value as the entity reads it back', async () => {
    const rows = Array.from({ length: 2_345 }, (_, index) => mention(index));
    await dataSource.transaction((manager) => insertRows(manager, Mention, rows));
    const stored = await dataSource.getRepository(Mention).find({ order: { id: 'ASC' } });
    expect(stored).toHaveLength(rows.length);
    expect(stored.map((row) => row.id)).toEqual(rows.map((row) => row.id));
    expect(stored[7]).toEqual({ ...rows[7], clicks: 0 });
    expect(stored[9]).toMatchObject({ externalId: 'post-9', sentiment: null, reach: 90 });
  });

  it('answers ids in the order they were made (time-ordered ids append to the key)', () => {
    const ids = Array.from({ length: 5_000 }, () => newRecordId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
