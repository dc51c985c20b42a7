import { TestApp, createTestApp } from '../support/test-app';
import { createMember } from '../support/factories';

describe('importing mentions and reviews', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  const upload = (type: string, contentType: string, body: string) =>
    test
      .http()
      .post(`/api/v1/import/${type}`)
      .set('Authorization', test.keys.manager)
      .set('Content-Type', contentType)
      .send(body)
      .expect(200);
  const list = async (path: string, query: Record<string, unknown>) =>
    (await test.http().get(path).query(query).set('Authorization', test.keys.viewer).expect(200))
      .body;

  it('imports mentions from CSV: url variants are one mention, later counters update it', async () => {
    const fan = await createMember(test);
    await test
      .http()
      .post(`/api/v1/members/${fan.id}/identities`)
      .set('Authorization', test.keys.manager)
      .send({ platform: 'instagram', handle: 'CsvFan' })
      .expect(201);
    const header = 'platform,handle,url,postedAt,reach,likes,sentiment\r\n';
    const first =
      header +
      'instagram,@csvfan,https://instagram.com/p/Csv1,2026-01-05T10:00:00Z,100,5,0.5\r\n' +
      'instagram,@csvfan,https://INSTAGRAM.com/p/Csv1/?utm_source=x#c,2026-01-05T10:00:00Z,100,5,0.5\r\n' +
      'instagram,stranger,https://instagram.com/p/Csv2,2026-01-06,-1,5,\r\n' +
      'instagram,stranger,https://instagram.com/p/Csv3,2026-01-06,10,,2\r\n' +
      'instagram,stranger,https://instagram.com/p/Csv4,2026-01-07,10,,\r\n';
    const result = await upload('mentions', 'text/csv', first);
    expect(result.body).toMatchObject({ rows: 5, created: 2, unchanged: 1, refused: 2 });
    expect(result.body.errors).toEqual([
      expect.objectContaining({
        line: 4,
        details: [expect.objectContaining({ field: 'reach', code: 'min' })],
      }),
      expect.objectContaining({
        line: 5,
        details: [expect.objectContaining({ field: 'sentiment', code: 'max' })],
      }),
    ]);
    const again = await upload(
      'mentions',
      'text/csv',
      header +
        'instagram,@csvfan,https://instagram.com/p/Csv1,2026-01-05T10:00:00Z,250,9,0.5\r\n' +
        'instagram,stranger,https://instagram.com/p/Csv4,2026-01-07,10,,\r\n',
    );
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 1, unchanged: 1 });
    const mine = await list('/api/v1/mentions', { memberId: fan.id });
    expect(mine.items).toMatchObject([
      { url: 'https://instagram.com/p/Csv1', reach: 250, likes: 9, sentiment: 0.5 },
    ]);
    expect((await list('/api/v1/mentions', { unlinked: 'true' })).total).toBe(1);
  });

  it('imports reviews from NDJSON naming members in every supported way', async () => {
    const reviewer = await createMember(test);
    await test
      .http()
      .post(`/api/v1/members/${reviewer.id}/identities`)
      .set('Authorization', test.keys.manager)
      .send({ platform: 'google', handle: 'ReviewerG' })
      .expect(201);
    const row = (fields: Record<string, unknown>) =>
      JSON.stringify({
        product: 'Trail shoes',
        rating: 4,
        platform: 'google',
        publishedAt: '2026-01-10',
        ...fields,
      });
    const ndjson = [
      row({ memberId: reviewer.id, url: 'https://g.co/r/1' }),
      row({ memberExternalId: reviewer.externalId, url: 'https://g.co/r/2' }),
      row({ memberEmail: reviewer.email, url: 'https://g.co/r/3' }),
      row({ handle: '@reviewerg', url: 'https://g.co/r/4', body: '<script>x()</script>' }),
      row({ memberId: reviewer.id, url: 'https://g.co/r/1/?utm_medium=x', views: 3 }),
      row({ memberId: reviewer.id, url: 'https://g.co/r/5', rating: 6 }),
      row({ memberEmail: 'nobody@example.com', url: 'https://g.co/r/6' }),
    ].join('\n');
    const result = await upload('reviews', 'application/x-ndjson', ndjson);
    expect(result.body).toMatchObject({ rows: 7, created: 4, updated: 1, refused: 2 });
    expect(result.body.errors.map((error: any) => [error.line, error.details[0].field])).toEqual([
      [6, 'rating'],
      [7, 'memberEmail'],
    ]);
    const stored = await list('/api/v1/reviews', { memberId: reviewer.id, order: 'asc' });
    expect(stored.total).toBe(4);
    expect(stored.items.find((item: any) => item.url === 'https://g.co/r/1').views).toBe(3);
    expect(stored.items.find((item: any) => item.url === 'https://g.co/r/4').body).toBe(
      '<script>x()</script>',
    );
  });
});
