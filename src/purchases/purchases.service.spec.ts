import { AppSecretsService } from '../database/app-secrets.service';
import { ErasureTombstones } from '../members/erasure-tombstones';
import { DataSource } from 'typeorm';
import { buildMember, buildPurchase } from '../../test/support/factories';
import { createInMemoryDataSource, testSettings } from '../../test/support/in-memory-database';
import { CurrencyConverter } from '../config/currency-converter.service';
import { HaloSettings } from '../config/halo-settings';
import { CreateMemberDto } from '../members/dto/create-member.dto';
import { Member } from '../members/member.entity';
import { MembersRepository } from '../members/members.repository';
import { MembersService } from '../members/members.service';
import { CreatePurchaseDto } from './dto/create-purchase.dto';
import { Purchase } from './purchase.entity';
import { PurchasesRepository } from './purchases.repository';
import { PurchasesService } from './purchases.service';

/** EUR is the base; one USD is 0.92 EUR unless a spec says otherwise. */
function settingsWithRates(currencyRates: Record<string, string>): HaloSettings {
  const settings = testSettings();
  return testSettings({ money: { ...settings.money, currencyRates } });
}

describe('PurchasesService on an in-memory database', () => {
  let dataSource: DataSource;
  let repository: PurchasesRepository;
  let purchases: PurchasesService;
  let members: MembersService;

  const servicesAt = (rates: Record<string, string>) =>
    new PurchasesService(repository, new CurrencyConverter(settingsWithRates(rates)));
  const newMember = async (overrides: Partial<CreateMemberDto> = {}) =>
    (await members.create(buildMember(overrides) as CreateMemberDto)).member;
  const purchaseInput = (member: Member, overrides: Partial<CreatePurchaseDto> = {}) =>
    buildPurchase({ memberId: member.id, ...overrides }) as unknown as CreatePurchaseDto;
  const refundInput = (order: Purchase, overrides: Partial<CreatePurchaseDto> = {}) =>
    buildPurchase({
      memberId: order.memberId,
      kind: 'refund',
      refundOf: order.externalId,
      currency: order.currency,
      occurredAt: '2026-01-20T12:00:00Z',
      ...overrides,
    }) as unknown as CreatePurchaseDto;

  beforeAll(async () => {
    dataSource = await createInMemoryDataSource();
    members = new MembersService(
      new MembersRepository(dataSource),
      new ErasureTombstones(dataSource, new AppSecretsService(dataSource)),
    );
  });
  afterAll(() => dataSource.destroy());
  beforeEach(() => {
    repository = new PurchasesRepository(dataSource);
    purchases = servicesAt({ USD: '0.92' });
  });

  describe('record, idempotent on externalId', () => {
    it('creates an order, then answers the same content as unchanged', async () => {
      const member = await newMember();
      const input = purchaseInput(member, { amount: '49.90' });
      const first = await purchases.record(input);
      const again = await purchases.record(input);
      expect(first).toMatchObject({
        outcome: 'created',
        purchase: { kind: 'order', amountMinor: 4990, baseAmountMinor: 4990, rate: '1' },
      });
      expect(again).toMatchObject({ outcome: 'unchanged', purchase: { id: first.purchase.id } });
    });

    it('refuses the same externalId with another amount as a 409 on externalId', async () => {
      const member = await newMember();
      const input = purchaseInput(member);
      await purchases.record(input);
      await expect(purchases.record({ ...input, amount: '50.00' })).rejects.toMatchObject({
        kind: 'conflict',
        code: 'PURCHASE_EXISTS',
        details: [{ field: 'externalId' }],
      });
    });

    it('converts to the base currency once: 100.00 USD at 0.92 is 92.00 EUR', async () => {
      const member = await newMember();
      const { purchase } = await purchases.record(
        purchaseInput(member, { amount: '100.00', currency: 'USD' }),
      );
      expect(purchase).toMatchObject({ amountMinor: 10000, baseAmountMinor: 9200, rate: '0.92' });
    });

    it('dates the acquisition at the first order unless given', async () => {
      const member = await newMember();
      await purchases.record(purchaseInput(member, { occurredAt: '2026-02-01T00:00:00Z' }));
      await purchases.record(purchaseInput(member, { occurredAt: '2026-01-01T00:00:00Z' }));
      await purchases.record(purchaseInput(member, { occurredAt: '2026-03-01T00:00:00Z' }));
      const stored = await dataSource.getRepository(Member).findOneByOrFail({ id: member.id });
      expect(stored).toMatchObject({
        acquiredAt: Date.parse('2026-01-01T00:00:00Z'),
        acquiredAtSource: 'firstPurchase',
      });
      const given = await newMember({ acquiredAt: '2025-06-01T00:00:00Z' });
      await purchases.record(purchaseInput(given, { occurredAt: '2026-01-01T00:00:00Z' }));
      expect(
        await dataSource.getRepository(Member).findOneByOrFail({ id: given.id }),
      ).toMatchObject({
        acquiredAt: Date.parse('2025-06-01T00:00:00Z'),
        acquiredAtSource: 'given',
      });
    });

    // One SQLite connection runs one transaction at a time, so the race is staged: on the
    // caller's (non-transactional) manager, the other writer stores the key right after the lookup;
    // the insert's unique violation is caught in a savepoint and the winner compared as if found.
    it('an externalId stored by another writer after the lookup: the winner is read, unchanged', async () => {
      const member = await newMember();
      const input = purchaseInput(member);
      let winner: Purchase | undefined;
      jest.spyOn(repository, 'findByExternalId').mockImplementationOnce(async () => {
        winner = (await servicesAt({}).record(input)).purchase;
        return null;
      });
      const raced = await purchases.record(input, dataSource.manager);
      expect(raced).toMatchObject({ outcome: 'unchanged', purchase: { id: winner?.id } });
      expect(
        await dataSource.getRepository(Purchase).countBy({ externalId: input.externalId }),
      ).toBe(1);
    });

    it('an externalId stored by another writer with other content: 409', async () => {
      const member = await newMember();
      const input = purchaseInput(member);
      jest.spyOn(repository, 'findByExternalId').mockImplementationOnce(async () => {
        await servicesAt({}).record({ ...input, amount: '12.00' });
        return null;
      });
      await expect(purchases.record(input, dataSource.manager)).rejects.toMatchObject({
        code: 'PURCHASE_EXISTS',
        details: [{ field: 'externalId' }],
      });
      expect(
        await dataSource.getRepository(Purchase).countBy({ externalId: input.externalId }),
      ).toBe(1);
    });
  });

  describe('refunds', () => {
    it('are capped at what is left of the order: 49.90 = 30.00 + 19.90, then nothing is left', async () => {
      const member = await newMember();
      const { purchase: order } = await purchases.record(
        purchaseInput(member, { amount: '49.90' }),
      );
      const first = await purchases.record(refundInput(order, { amount: '30.00' }));
      expect(first.purchase).toMatchObject({ kind: 'refund', refundOfId: order.id });
      // 4990 − 3000 = 1990 minor units left: 20.00 is too much, 19.90 fits exactly.
      await expect(purchases.record(refundInput(order, { amount: '20.00' }))).rejects.toMatchObject(
        {
          kind: 'unprocessable',
          message: expect.stringContaining('(1990 minor units)'),
          details: [{ field: 'amount', code: 'refundExceedsOrder' }],
        },
      );
      await purchases.record(refundInput(order, { amount: '19.90' }));
      await expect(purchases.record(refundInput(order, { amount: '0.01' }))).rejects.toMatchObject({
        message: expect.stringContaining('(0 minor units)'),
      });
    });

    it('sent again does not count against itself: a full refund repeated is unchanged', async () => {
      const member = await newMember();
      const { purchase: order } = await purchases.record(
        purchaseInput(member, { amount: '10.00' }),
      );
      const refund = refundInput(order, { amount: '10.00' });
      expect((await purchases.record(refund)).outcome).toBe('created');
      expect((await purchases.record(refund)).outcome).toBe('unchanged');
    });

    it("convert at the order's rate, not today's: 40.00 USD of an order at 0.92 is 36.80 EUR", async () => {
      const member = await newMember();
      const { purchase: order } = await purchases.record(
        purchaseInput(member, { amount: '100.00', currency: 'USD' }),
      );
      const { purchase: refund } = await servicesAt({ USD: '0.50' }).record(
        refundInput(order, { amount: '40.00' }),
      );
      // 4000 × 0.92 = 3680, where today's 0.50 would give 2000.
      expect(refund).toMatchObject({ amountMinor: 4000, baseAmountMinor: 3680, rate: '0.92' });
    });

    it('need refundOf; refundOf alone implies a refund, and is refused on an explicit order', async () => {
      const member = await newMember();
      const { purchase: order } = await purchases.record(purchaseInput(member));
      await expect(
        purchases.record(purchaseInput(member, { kind: 'refund' })),
      ).rejects.toMatchObject({
        kind: 'invalid',
        details: [{ field: 'refundOf', code: 'isDefined' }],
      });
      await expect(
        purchases.record(purchaseInput(member, { kind: 'order', refundOf: order.externalId })),
      ).rejects.toMatchObject({
        kind: 'invalid',
        details: [{ field: 'refundOf', code: 'refundOfOnOrder' }],
      });
      const { purchase: refund } = await purchases.record(
        refundInput(order, { kind: undefined, amount: '10.00' }),
      );
      expect(refund).toMatchObject({ kind: 'refund', refundOfId: order.id, amountMinor: 1000 });
    });

    it("refuse an unknown order, another member's order, another currency and a date before the order", async () => {
      const member = await newMember();
      const other = await newMember();
      const { purchase: order } = await purchases.record(
        purchaseInput(member, { occurredAt: '2026-01-15T12:00:00Z' }),
      );
      await expect(
        purchases.record(refundInput(order, { refundOf: 'no-such-order' })),
      ).rejects.toMatchObject({ code: 'UNKNOWN_ORDER', details: [{ field: 'refundOf' }] });
      await expect(
        purchases.record(refundInput(order, { memberId: other.id })),
      ).rejects.toMatchObject({ details: [{ field: 'refundOf', code: 'otherMember' }] });
      await expect(purchases.record(refundInput(order, { currency: 'USD' }))).rejects.toMatchObject(
        { details: [{ field: 'currency', code: 'currencyMismatch' }] },
      );
      await expect(
        purchases.record(refundInput(order, { occurredAt: '2026-01-15T11:59:59Z' })),
      ).rejects.toMatchObject({ details: [{ field: 'occurredAt', code: 'beforeOrder' }] });
      expect(await dataSource.getRepository(Purchase).countBy({ refundOfId: order.id })).toBe(0);
    });
  });

  it('runs its listeners in the transaction: a failing listener stores no purchase', async () => {
    const member = await newMember();
    purchases.onPurchaseRecorded(async () => {
      throw new Error('listener failed');
    });
    const input = purchaseInput(member);
    await expect(purchases.record(input)).rejects.toThrow('listener failed');
    expect(await repository.findByExternalId(input.externalId)).toBeNull();
  });
});
