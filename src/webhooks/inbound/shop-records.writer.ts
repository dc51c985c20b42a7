import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { parseAmount, formatAmount } from '../../common/money/money';
import { validationFailed } from '../../common/validation/validation-errors';
import { validateRow } from '../../imports/row-validator';
import { Member } from '../../members/member.entity';
import { survivorOf } from '../../members/member-reference';
import { MembersService } from '../../members/members.service';
import { normalizeEmail } from '../../members/normalize';
import { CreatePurchaseDto } from '../../purchases/dto/create-purchase.dto';
import { PurchasesRepository } from '../../purchases/purchases.repository';
import { PurchasesService } from '../../purchases/purchases.service';
import { payloadInvalid } from '../mappers/payload-fields';
import { ShopCustomer, ShopEvent, ShopOrder, ShopRefund } from '../mappers/shop-records';
import { InboundOutcome } from './inbound-outcome';

/**
 * Stores what a shop's webhook means, through the same services and DTO validation as
 * `POST /members` and `POST /purchases`, in one transaction: the buyer found by email (else by
 * the shop's customer id, else created), the order idempotent on its externalId, a refund as a
 * refund purchase of its order. A replayed delivery finds the same records: `unchanged`.
 */
@Injectable()
export class ShopRecordsWriter {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly purchases: PurchasesService,
    private readonly purchaseRecords: PurchasesRepository,
  ) {}

  write(event: ShopEvent): Promise<InboundOutcome> {
    if (event.kind === 'ignored')
      return Promise.resolve({ outcome: 'ignored', reason: event.reason });
    return this.dataSource.transaction((manager) =>
      event.kind === 'order'
        ? this.writeOrder(manager, event.order)
        : this.writeRefund(manager, event.refund),
    );
  }

  private async writeOrder(manager: EntityManager, order: ShopOrder): Promise<InboundOutcome> {
    const member = await this.buyer(manager, order.customer);
    const { purchase, outcome } = await this.purchases.record(
      await purchaseInput({
        externalId: order.externalId,
        memberId: member.id,
        amount: order.amount,
        currency: order.currency,
        occurredAt: order.occurredAt,
        ...(order.product ? { product: order.product } : {}),
      }),
      manager,
    );
    return { outcome, type: 'purchases', recordId: purchase.id, externalId: purchase.externalId };
  }

  private async writeRefund(manager: EntityManager, refund: ShopRefund): Promise<InboundOutcome> {
    const order = await this.purchaseRecords.findOrderByExternalId(refund.orderExternalId, manager);
    if (!order)
      return {
        outcome: 'ignored',
        reason: `order ${refund.orderExternalId} is not in Halo (never paid, or before this source)`,
      };
    const currency = refund.currency ?? order.currency;
    let requestedMinor = 0;
    for (const amount of refund.amounts) {
      const parsed = parseAmount(amount, currency);
      if (!('minor' in parsed)) throw payloadInvalid('amount', `is not an amount in ${currency}`);
      requestedMinor += parsed.minor;
    }
    // The shop may pay back tax and shipping that Halo's subtotal never counted: at most the rest.
    const refunded = await this.purchaseRecords.sumRefundsOf(order.id, refund.externalId, manager);
    const amountMinor = Math.min(requestedMinor, order.amountMinor - refunded.totalMinor);
    if (amountMinor <= 0)
      return { outcome: 'ignored', reason: `order ${refund.orderExternalId} is refunded in full` };
    const { purchase, outcome } = await this.purchases.record(
      await purchaseInput({
        externalId: refund.externalId,
        memberId: order.memberId,
        amount: formatAmount(amountMinor, currency),
        currency,
        occurredAt: refund.occurredAt,
        kind: 'refund',
        refundOf: refund.orderExternalId,
      }),
      manager,
    );
    return { outcome, type: 'purchases', recordId: purchase.id, externalId: purchase.externalId };
  }

  /** The buyer by email, else by the shop's customer id, else a new member. */
  private async buyer(manager: EntityManager, customer: ShopCustomer): Promise<Member> {
    const repository = manager.getRepository(Member);
    const found =
      (customer.email &&
        (await repository.findOneBy({ emailNormalized: normalizeEmail(customer.email) }))) ||
      (customer.externalId && (await repository.findOneBy({ externalId: customer.externalId })));
    if (found) {
      const survivor = await survivorOf(manager, found);
      if (survivor) return survivor;
    }
    if (!customer.email && !customer.externalId)
      throw payloadInvalid('email', 'or customer.id is needed to know the buyer');
    const { member } = await this.members.create(
      {
        ...(customer.externalId ? { externalId: customer.externalId } : {}),
        ...(customer.email ? { email: customer.email } : {}),
        ...(customer.name ? { name: customer.name } : {}),
      },
      manager,
    );
    return member;
  }
}

/** A purchase as the API would bind it: the same validation as a POST, then the same service. */
async function purchaseInput(plain: Record<string, unknown>): Promise<CreatePurchaseDto> {
  const checked = await validateRow(CreatePurchaseDto, plain);
  if ('details' in checked) throw validationFailed(checked.details);
  return checked.instance as CreatePurchaseDto;
}
