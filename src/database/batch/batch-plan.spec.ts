import { DataSource, In } from 'typeorm';
import { createInMemoryDataSource } from '../../../test/support/in-memory-database';
import { newRecordId } from '../../common/ids/time-ordered-uuid';
import { Mention } from '../../mentions/mention.entity';
import { findAmong } from './batch-plan';
import { insertRows } from './insert-statement';

describe('findAmong', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
    const rows = Array.from({ length: 1_500 }, (_, index) =>
      Object.assign(new Mention(), {
        id: newRecordId(),
        createdAt: 1_700_000_000_000,
        updatedAt: 1_700_000_000_000,
        externalId: `post-${index}`,
        platform: index % 3 ? 'instagram' : 'tiktok',
        handle: `@h${index}`,
        handleNormalized: `h${index}`,
        memberId: null,
        url: `https://example.com/p/${index}`,
        urlNormalized: `https://example.com/p/${index}`,
        externalPostId: null,
        postedAt: 1_690_000_000_000,
        reach: index,
        likes: 0,
        shares: 0,
        comments: 0,
        clicks: 0,
        sentiment: null,
      }),
    );
    await dataSource.transaction((manager) => insertRows(manager, Mention, rows));
  });
  afterAll(() => dataSource.destroy());

  const externalIds = (mentions: Mention[]) => mentions.map((mention) => mention.externalId).sort();

  it('finds the rows of many values in chunks, with the other conditions kept', async () => {
    // 1,200 values asked (three chunks), 1,000 stored, one asked twice.
    const asked = [
      ...Array.from({ length: 1_199 }, (_, index) => `post-${index * 2}`),
      'post-0',
      'missing',
    ];
    const found = await findAmong(dataSource.manager, Mention, asked, (chunk) => ({
      externalId: In(chunk),
      platform: 'instagram',
    }));
    const expected = (
      await dataSource.getRepository(Mention).find({ where: { platform: 'instagram' } })
    ).filter((mention) => asked.includes(mention.externalId!));
    expect(found.length).toBeGreaterThan(400);
    expect(externalIds(found)).toEqual(externalIds(expected));
  });

  it('keeps two lists in one condition apart, and alternatives (OR) apart', async () => {
    const found = await findAmong(
      dataSource.manager,
      Mention,
      ['post-1', 'post-2', 'post-3'],
      (chunk) => [
        { externalId: In(chunk), handleNormalized: In(['h1', 'h3']) },
        { handleNormalized: In(['h2']) },
      ],
    );
    expect(externalIds(found)).toEqual(['post-1', 'post-2', 'post-3']);
  });
});
