import { AppSecretsService } from '../database/app-secrets.service';
import { ErasureTombstones } from '../members/erasure-tombstones';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildMember, buildPurchase } from '../../test/support/factories';
import { createInMemoryDataSource, testSettings } from '../../test/support/in-memory-database';
import { CurrencyConverter } from '../config/currency-converter.service';
import { ImportRegistry } from '../imports/import-registry';
import { CreateMemberDto } from '../members/dto/create-member.dto';
import { MemberMergeService } from '../members/member-merge.service';
import { Member } from '../members/member.entity';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import { CreatePurchaseDto } from '../purchases/dto/create-purchase.dto';
import { Purchase } from '../purchases/purchase.entity';
import { PurchasesRepository } from '../purchases/purchases.repository';
import { PurchasesService } from '../purchases/purchases.service';
import { CreateReferralDto } from './dto/create-referral.dto';
import { ReferralChecks } from './referral-checks';
import { ReferralConversionService } from './referral-conversion.service';
import { Referral } from './referral.entity';
import { ReferralsRepository } from './referrals.repository';
import { ReferralsService } from './referrals.service';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The referral rules on an in-memory database, with the default settings: a refund within 30
 * days voids a conversion; more than 5 referrals by one member within 24 hours are a burst.
 */
describe('ReferralsService on an in-memory database', () => {
  let dataSource: DataSource;
  let referralRows: ReferralsRepository;
  let members: MembersService;
  let purchases: PurchasesService;
  let referrals: ReferralsService;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
    const settings = testSettings();
    const converter = new CurrencyConverter(settings);
    const memberRows = new MembersRepository(dataSource);
    const purchaseRows = new PurchasesRepository(dataSource);
    referralRows = new ReferralsRepository(dataSource);
    members = new MembersService(
      memberRows,
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
    purchases = new PurchasesService(purchaseRows, converter);
    const checks = new ReferralChecks(settings, referralRows, purchaseRows);
    // Merges are not under test here: the conversion only subscribes to them.
    const merges = { onMembersMerged: () => undefined } as unknown as MemberMergeService;
    const conversion = new ReferralConversionService(
      purchases,
      members,
      checks,
      converter,
      merges,
      referralRows,
      memberRows,
      purchaseRows,
    );
    conversion.onModuleInit();
    referrals = new ReferralsService(
      converter,
      checks,
      conversion,
      referralRows,
      new ImportRegistry(),
    );
  });
  afterAll(() => dataSource.destroy());

  // The factory's emails differ in a counter, which the look-alike check would flag: a UUID does not.
  const newMember = async (overrides: Partial<CreateMemberDto> = {}) =>
    (
      await members.create(
        buildMember({ email: `${randomUUID()}@example.com`, ...overrides }) as CreateMemberDto,
      )
    ).member;
  const refer = (referrer: Member, overrides: Partial<CreateReferralDto> = {}) =>
    referrals.create({ referrerId: referrer.id, ...overrides } as CreateReferralDto);
  const order = async (member: Member, overrides: Partial<CreatePurchaseDto> = {}) =>
    (
      await purchases.record(
        buildPurchase({ memberId: member.id, ...overrides }) as unknown as CreatePurchaseDto,
      )
    ).purchase;
  const refund = (of: Purchase, amount: string, occurredAt: string) =>
    purchases.record(
      buildPurchase({
        memberId: of.memberId,
        kind: 'refund',
        refundOf: of.externalId,
        currency: of.currency,
        amount,
        occurredAt,
      }) as unknown as CreatePurchaseDto,
    );
  const stored = (id: string) => dataSource.getRepository(Referral).findOneByOrFail({ id });

  describe('create, idempotent on externalId or (referrer, referee)', () => {
    it('creates a signed-up referral of a member; the same again is unchanged', async () => {
      const [ada, grace] = [await newMember(), await newMember()];
      const first = await refer(ada, { refereeId: grace.id });
      const again = await refer(ada, { refereeId: grace.id });
      expect(first).toMatchObject({
        outcome: 'created',
        referral: { status: 'signed_up', code: ada.referralCode, flags: '' },
      });
      expect(again).toMatchObject({ outcome: 'unchanged', referral: { id: first.referral.id } });
    });

    it('updates a later status or another reward, refuses another referrer under the externalId', async () => {
      const [ada, alan] = [await newMember(), await newMember()];
      const input = {
        externalId: `ref-${Date.now()}`,
        refereeEmail: `pending-${Date.now()}@example.org`,
      };
      const first = await refer(ada, input);
      expect(first.referral).toMatchObject({ status: 'invited', refereeMemberId: null });
      const rewarded = await refer(ada, { ...input, rewardCost: '5.00' });
      expect(rewarded).toMatchObject({
        outcome: 'updated',
        referral: { id: first.referral.id, rewardMinor: 500, baseRewardMinor: 500 },
      });
      await expect(refer(alan, input)).rejects.toMatchObject({
        kind: 'conflict',
        code: 'REFERRAL_EXISTS',
        details: [{ field: 'externalId' }],
      });
    });

    // One SQLite connection runs one transaction at a time, so races are staged on the caller's
    // (non-transactional) manager: the other writer stores its referral after this one's checks.
    it('the same referral stored by another writer after the checks: unchanged, stored once', async () => {
      const [ada, grace] = [await newMember(), await newMember()];
      const input = { referrerId: ada.id, externalId: `race-${Date.now()}`, refereeId: grace.id };
      let otherId: string | undefined;
      jest.spyOn(referralRows, 'countInvitedBy').mockImplementationOnce(async () => {
        otherId = (await refer(ada, input)).referral.id;
        return 0;
      });
      const raced = await referrals.create(input as CreateReferralDto, dataSource.manager);
      expect(otherId).toBeDefined();
      expect(raced).toMatchObject({ outcome: 'unchanged', referral: { id: otherId } });
      expect(await dataSource.getRepository(Referral).countBy({ refereeMemberId: grace.id })).toBe(
        1,
      );
    });

    it('two referrers racing for one referee: the unique index keeps one, the other is a 409', async () => {
      const [ada, alan, grace] = [await newMember(), await newMember(), await newMember()];
      jest.spyOn(referralRows, 'countInvitedBy').mockImplementationOnce(async () => {
        await refer(alan, { refereeId: grace.id });
        return 0;
      });
      await expect(
        referrals.create(
          { referrerId: ada.id, refereeId: grace.id } as CreateReferralDto,
          dataSource.manager,
        ),
      ).rejects.toMatchObject({ code: 'REFEREE_ALREADY_REFERRED' });
      const kept = await dataSource.getRepository(Referral).findBy({ refereeMemberId: grace.id });
      expect(kept.map((referral) => referral.referrerId)).toEqual([alan.id]);
    });
  });

  describe('who may refer whom', () => {
    it('refuses self-referral, by id and by the referrer email in another case', async () => {
      const ada = await newMember();
      await expect(refer(ada, { refereeId: ada.id })).rejects.toMatchObject({
        kind: 'unprocessable',
        code: 'SELF_REFERRAL',
        details: [{ field: 'refereeId' }],
      });
      await expect(refer(ada, { refereeEmail: ada.email!.toUpperCase() })).rejects.toMatchObject({
        code: 'SELF_REFERRAL',
      });
    });

    it('refuses a second referrer, for a member and for a pending email', async () => {
      const [ada, alan, grace] = [await newMember(), await newMember(), await newMember()];
      await refer(ada, { refereeId: grace.id });
      await expect(refer(alan, { refereeId: grace.id })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'REFEREE_ALREADY_REFERRED',
        details: [{ field: 'refereeId' }],
      });
      const email = `pending-${Date.now()}@example.org`;
      await refer(ada, { refereeEmail: email });
      await expect(refer(alan, { refereeEmail: email })).rejects.toMatchObject({
        code: 'REFEREE_ALREADY_REFERRED',
      });
    });

    it('refuses a cycle, direct (b→a after a→b) and through a chain (c→a after a→b→c)', async () => {
      const [a, b, c] = [await newMember(), await newMember(), await newMember()];
      await refer(a, { refereeId: b.id });
      await expect(refer(b, { refereeId: a.id })).rejects.toMatchObject({
        code: 'REFERRAL_CYCLE',
      });
      await refer(b, { refereeId: c.id });
      await expect(refer(c, { refereeId: a.id })).rejects.toMatchObject({
        code: 'REFERRAL_CYCLE',
      });
    });

    it('refuses a referee whose first order came before the invitation', async () => {
      const [ada, grace] = [await newMember(), await newMember()];
      await order(grace, { occurredAt: '2026-01-05T00:00:00Z' });
      await expect(
        refer(ada, { refereeId: grace.id, invitedAt: '2026-01-10T00:00:00Z' }),
      ).rejects.toMatchObject({ code: 'REFEREE_ALREADY_CUSTOMER' });
    });
  });

  describe('fraud flags', () => {
    it('flags a disposable domain, a subdomain of one included', async () => {
      const ada = await newMember();
      const { referral } = await refer(ada, {
        refereeEmail: `someone-${Date.now()}@x.mailinator.com`,
      });
      expect(referral.flags).toBe('disposable_domain');
    });

    it("flags a look-alike of the referrer's email: the same local part without dots and +tags", async () => {
      const stamp = Date.now();
      const ada = await newMember({ email: `ada.lovelace${stamp}@example.com` });
      const { referral } = await refer(ada, { refereeEmail: `adalovelace${stamp}+2@example.com` });
      expect(referral.flags).toBe('similar_email');
    });

    it('flags the sixth referral by one member within 24 hours, not the fifth nor one a day later', async () => {
      const ada = await newMember();
      const start = Date.parse('2026-03-01T00:00:00Z');
      const at = (offset: number) => new Date(start + offset).toISOString();
      const flagsOf = async (offset: number) =>
        (
          await refer(ada, {
            refereeEmail: `burst-${offset}-${Date.now()}@example.org`,
            invitedAt: at(offset),
          })
        ).referral.flags;
      // Five within the window: the fifth counts itself and four earlier, 5 is not more than 5.
      for (const hour of [0, 1, 2, 3, 4]) expect(await flagsOf(hour * HOUR_MS)).toBe('');
      // The sixth counts itself and five earlier: 6 is more than 5.
      expect(await flagsOf(5 * HOUR_MS)).toBe('burst');
      // 30 hours in, the window (6h, 30h] holds only this one.
      expect(await flagsOf(30 * HOUR_MS)).toBe('');
    });
  });

  describe('conversion by the first order', () => {
    it("converts on the referee's first order on or after the invitation; later orders change nothing", async () => {
      const [ada, grace] = [await newMember(), await newMember()];
      const { referral } = await refer(ada, {
        refereeId: grace.id,
        invitedAt: '2026-01-10T00:00:00Z',
      });
      const first = await order(grace, { occurredAt: '2026-01-15T12:00:00Z' });
      await order(grace, { occurredAt: '2026-01-20T12:00:00Z' });
      expect(await stored(referral.id)).toMatchObject({
        status: 'converted',
        convertedAt: Date.parse('2026-01-15T12:00:00Z'),
        convertingPurchaseId: first.id,
      });
    });

    it("creates a converted referral from another member's code on a first order, never from the buyer's own", async () => {
      const [ada, grace, alan] = [await newMember(), await newMember(), await newMember()];
      const first = await order(grace, { attribution: { referralCode: ada.referralCode } });
      const created = await referralRows.findByRefereeMember(grace.id);
      expect(created).toMatchObject({
        referrerId: ada.id,
        status: 'converted',
        channel: 'code',
        convertingPurchaseId: first.id,
      });
      await order(alan, { attribution: { referralCode: alan.referralCode } });
      expect(await referralRows.findByRefereeMember(alan.id)).toBeNull();
    });
  });

  describe('void on a full refund within the window', () => {
    const convertedOrder = async () => {
      const [ada, grace] = [await newMember(), await newMember()];
      const { referral } = await refer(ada, {
        refereeId: grace.id,
        invitedAt: '2026-01-10T00:00:00Z',
      });
      const first = await order(grace, { amount: '49.90', occurredAt: '2026-01-15T00:00:00Z' });
      return { referral, first };
    };

    it('voids when refunds reach the whole order by day 30: 30.00 + 19.90 = 49.90 on Feb 10', async () => {
      const { referral, first } = await convertedOrder();
      await refund(first, '30.00', '2026-01-20T00:00:00Z');
      expect((await stored(referral.id)).status).toBe('converted');
      // The window ends on Jan 15 + 30 days = Feb 14; the last refund on Feb 10 is inside it.
      await refund(first, '19.90', '2026-02-10T00:00:00Z');
      expect(await stored(referral.id)).toMatchObject({
        status: 'voided',
        voidedAt: Date.parse('2026-02-10T00:00:00Z'),
      });
    });

    it('keeps the conversion when the full refund comes after the window (Feb 14 + 1 ms)', async () => {
      const { referral, first } = await convertedOrder();
      const windowEnd = Date.parse('2026-01-15T00:00:00Z') + 30 * DAY_MS;
      await refund(first, '49.90', new Date(windowEnd + 1).toISOString());
      expect((await stored(referral.id)).status).toBe('converted');
    });
  });
});
