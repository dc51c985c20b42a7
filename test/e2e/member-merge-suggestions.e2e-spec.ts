import { TestApp, createTestApp } from '../support/test-app';
import { addIdentity, createMember } from '../support/factories';

type Suggestion = {
  memberId: string;
  otherMemberId: string;
  confidence: number;
  reasons: { code: string; confidence: number; detail: string }[];
  member: Record<string, any>;
  otherMember: Record<string, any>;
};

describe('merge suggestions', () => {
  let test: TestApp;
  const m: Record<string, Record<string, any>> = {};
  // Every member gets a name and an email of its own, so that only the planted pairs match.
  const add = async (key: string, name: string | undefined, email: string | undefined) =>
    (m[key] = await createMember(test, { name, email }));

  beforeAll(async () => {
    test = await createTestApp();
    await add('ada', 'Ada Lovelace', 'ada@gmail.com');
    await add('adaTagged', 'A. Byron', 'A.Da+shop@gmail.com');
    await add('graceInsta', 'Quentin Blake', 'qb@example.org');
    await add('graceTwitter', 'Roald Dahl', 'rd@example.org');
    await addIdentity(test, m.graceInsta.id, 'instagram', '@grace_h_123');
    await addIdentity(test, m.graceTwitter.id, 'twitter', 'Grace_H_123');
    await add('bart', 'Bartholomew Featherstonehaugh', 'b1@example.org');
    await add('bartTypo', 'Bartholomew Featherstonhaugh', 'b2@example.net');
    await add('hopper', 'Grace Hopper', 'grace@navy.example');
    await add('hoperTypo', 'Grace Hoper', 'grace@other.example');
    // Alike but not enough: a short name shared by strangers, a name one letter apart.
    await add('alan', 'Alan Turing', 'alan@bletchley.example');
    await add('alanToo', 'Alan Turing', 'turing@manchester.example');
    await add('jon', 'Jon Smith', 'jon@one.example');
    await add('john', 'John Smith', 'jsmith@two.example');
    await add('nameless', undefined, 'nobody@example.org');
    await addIdentity(test, m.alan.id, 'instagram', '@alan');
    await addIdentity(test, m.jon.id, 'tiktok', '@alan');
  });
  afterAll(() => test.close());

  const list = async (query: Record<string, unknown> = {}) =>
    (
      await test
        .http()
        .get('/api/v1/members/merge-suggestions')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body as { items: Suggestion[]; nextCursor: string | null; total: number };
  const dismiss = (memberId: string, otherMemberId: string, key = test.keys.manager) =>
    test
      .http()
      .post('/api/v1/members/merge-suggestions/dismiss')
      .set('Authorization', key)
      .send({ memberId, otherMemberId });
  const pairs = (items: Suggestion[]) =>
    items.map((item) => [
      Object.keys(m).find((key) => m[key].id === item.memberId),
      Object.keys(m).find((key) => m[key].id === item.otherMemberId),
      item.confidence,
      item.reasons.map((reason) => reason.code),
    ]);

  it('finds each reason, most likely first, and nothing else', async () => {
    const page = await list();
    expect(page.total).toBe(4);
    expect(pairs(page.items)).toEqual([
      ['ada', 'adaTagged', 0.9, ['same_email']],
      ['graceInsta', 'graceTwitter', 0.7, ['same_handle']],
      ['hopper', 'hoperTypo', 0.65, ['similar_name', 'same_email_local_part']],
      ['bart', 'bartTypo', 0.5, ['similar_name']],
    ]);
    expect(page.items[0].reasons[0].detail).toContain('ada@gmail.com');
    expect(page.items[1].reasons[0].detail).toBe('handle grace_h_123 on instagram and on twitter');
    expect(page.items[0].member).toEqual({
      id: m.ada.id,
      externalId: m.ada.externalId,
      email: 'ada@gmail.com',
      name: 'Ada Lovelace',
      createdAt: m.ada.createdAt,
    });
  });

  it('pages with a cursor and filters by reason, confidence and member', async () => {
    const all = (await list()).items.map((item) => item.otherMemberId);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list({ limit: 1, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((item) => item.otherMemberId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(pairs((await list({ reason: 'same_handle' })).items)).toEqual([
      ['graceInsta', 'graceTwitter', 0.7, ['same_handle']],
    ]);
    expect((await list({ minConfidence: 0.66 })).total).toBe(2);
    expect(pairs((await list({ memberId: m.bartTypo.id })).items)[0][0]).toBe('bart');
    const bad = await test
      .http()
      .get('/api/v1/members/merge-suggestions')
      .query({ minConfidence: 2, reason: 'same_shoe' })
      .set('Authorization', test.keys.viewer)
      .expect(400);
    expect(bad.body.details.map((detail: any) => detail.field).sort()).toEqual([
      'minConfidence',
      'reason',
    ]);
  });

  it('is not taken for GET /members/:id, which still refuses other ids', async () => {
    await test
      .http()
      .get('/api/v1/members/not-a-member')
      .set('Authorization', test.keys.viewer)
      .expect(400);
    await test
      .http()
      .get(`/api/v1/members/${m.ada.id}`)
      .set('Authorization', test.keys.viewer)
      .expect(200);
  });

  it('sees new duplicates and leaves out merged members', async () => {
    const first = await add('newA', 'Zed Zebra', 'zed.zebra@example.org');
    const second = await add('newB', 'Yann Yak', 'zedzebra+news@example.org');
    expect(pairs((await list({ memberId: first.id })).items)).toEqual([
      ['newA', 'newB', 0.9, ['same_email']],
    ]);
    await test
      .http()
      .post(`/api/v1/members/${first.id}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: second.id })
      .expect(200);
    expect((await list({ memberId: first.id })).total).toBe(0);
  });

  it('stores a dismissal once per pair and hides the pair', async () => {
    const created = await dismiss(m.graceTwitter.id, m.graceInsta.id).expect(201);
    const [low, high] = [m.graceInsta.id, m.graceTwitter.id].sort();
    expect(created.body).toEqual({
      memberId: low,
      otherMemberId: high,
      dismissedAt: expect.any(String),
    });
    const again = await dismiss(m.graceInsta.id, m.graceTwitter.id).expect(200);
    expect(again.body).toEqual(created.body);
    const page = await list();
    expect(page.total).toBe(3);
    expect(page.items.map((item) => item.otherMemberId)).not.toContain(m.graceTwitter.id);
  });

  it('refuses a dismissal of one member, of an unknown member, and by a viewer', async () => {
    const same = await dismiss(m.ada.id, m.ada.id).expect(422);
    expect(same.body.details[0].field).toBe('otherMemberId');
    const unknown = await dismiss(m.ada.id, '00000000-0000-4000-8000-000000000000').expect(422);
    expect(unknown.body.details[0].field).toBe('otherMemberId');
    await dismiss(m.ada.id, 'nope').expect(400);
    await dismiss(m.ada.id, m.adaTagged.id, test.keys.viewer).expect(403);
  });
});
