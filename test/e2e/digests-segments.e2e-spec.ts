import { createMember, createMention, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/** Weekly, Monday 08:00 UTC: at AT the last completed period is 2–9 November 2026. */
const AT = '2026-11-09T12:00:00Z';

/**
 * The advocate sections on a hand-built community, read from the plain-text preview: Gus's big
 * mention in the period makes him a new ambassador, rising and a hidden gem; Rita went quiet
 * after a mention the week before; Olive objects to profiling and appears nowhere.
 */
describe('digest advocate sections', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  const people: Record<string, Record<string, any>> = {};

  beforeAll(async () => {
    test = await createTestApp({ DIGEST_SCHEDULER: 'false', VALUE_RECOMPUTE_IN_WORKER: 'false' });
    const member = async (key: string, name: string, extra: Record<string, unknown> = {}) =>
      (people[key] = await createMember(test, { name, ...extra }));
    await member('ann', 'Ann Anchor');
    await member('gus', 'Gus Gem');
    await member('rita', 'Rita Risk');
    await member('olive', 'Olive Objector', { profilingObjection: true });
    for (let index = 1; index <= 4; index += 1) await member(`cal${index}`, `Cal ${index}`);
    for (let month = 1; month <= 10; month += 1)
      await createPurchase(test, {
        memberId: people.ann.id,
        amount: '120.00',
        occurredAt: `2026-${String(month).padStart(2, '0')}-05T10:00:00Z`,
      });
    for (const key of ['cal1', 'cal2', 'cal3', 'cal4', 'rita', 'olive'])
      await createPurchase(test, {
        memberId: people[key].id,
        amount: '50.00',
        occurredAt: '2026-08-10T10:00:00Z',
      });
    await createPurchase(test, {
      memberId: people.gus.id,
      amount: '10.00',
      occurredAt: '2026-09-01T10:00:00Z',
    });
    await createMention(test, {
      memberId: people.rita.id,
      postedAt: '2026-10-28T09:00:00Z',
      reach: 20_000,
    });
    await createMention(test, {
      memberId: people.gus.id,
      postedAt: '2026-11-03T09:00:00Z',
      reach: 200_000,
    });
    await createMention(test, {
      memberId: people.olive.id,
      postedAt: '2026-11-04T09:00:00Z',
      reach: 900_000,
    });
    for (const asOf of ['2026-11-01T12:00:00Z', '2026-11-08T12:00:00Z']) {
      const run = await test
        .http()
        .post('/api/v1/value/recompute')
        .set('Authorization', test.keys.manager)
        .send({ asOf });
      expect(run.body.status).toBe('succeeded');
    }
  });
  afterAll(() => test.close());

  const preview = async (overrides: Record<string, unknown> = {}) => {
    const created = await test
      .http()
      .post('/api/v1/digests/subscriptions')
      .set('Authorization', test.keys.admin)
      .send({
        recipients: ['team@example.com'],
        cadence: 'weekly',
        weekday: 'monday',
        timezone: 'UTC',
        ...overrides,
      });
    expect(created.status).toBe(201);
    const response = await test
      .http()
      .get(`/api/v1/digests/subscriptions/${created.body.id}/preview`)
      .query({ at: AT, format: 'text' })
      .set('Authorization', test.keys.admin);
    expect(response.status).toBe(200);
    return response.text;
  };
  /** The rows of one section: the lines between its underlined title and the next one. */
  const section = (text: string, title: string) => {
    const lines = text.split('\n');
    const start = lines.indexOf(title) + 2;
    const end = lines.findIndex((line, index) => index > start && /^-{3,}$/.test(line));
    return lines.slice(start, end === -1 ? undefined : end - 1).join('\n');
  };
  const names = (block: string) =>
    [...block.matchAll(/^\d+\. ([^:]+):/gm)].map((match) => match[1]);

  it('ranks top advocates by extended value without the objector, with the change', async () => {
    const text = await preview();
    const top = names(section(text, 'Top advocates'));
    expect(top.slice(0, 2).sort()).toEqual(['Ann Anchor', 'Gus Gem']);
    expect(top).not.toContain('Olive Objector');
    expect(text).not.toContain('Olive');
    const gus = await test
      .http()
      .get(`/api/v1/members/${people.gus.id}/value`)
      .set('Authorization', test.keys.viewer);
    const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
    expect(section(text, 'Top advocates')).toContain(
      `Gus Gem: ${euros.format(Number(gus.body.extendedValue))}`,
    );
  });

  it('names Gus a new ambassador, rising and a hidden gem, and Rita at risk', async () => {
    const text = await preview();
    expect(names(section(text, 'New ambassadors'))).toEqual(['Gus Gem']);
    expect(names(section(text, 'Rising'))).toEqual(['Gus Gem']);
    expect(names(section(text, 'Hidden gems'))).toEqual(['Gus Gem']);
    const atRisk = section(text, 'At risk');
    expect(names(atRisk)).toEqual(['Rita Risk']);
    expect(atRisk).toContain('active before, silent this period');
  });

  it('keeps to the platform filter', async () => {
    const text = await preview({ filters: { platform: 'instagram' }, sections: ['topAdvocates'] });
    const top = names(section(text, 'Top advocates'));
    expect(top).toEqual(['Gus Gem', 'Rita Risk']);
  });
});
