import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { notFound } from '../common/errors/domain-error';
import { fieldProblemError, isFieldProblem } from '../common/errors/field-problem';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { DigestSubscription } from './digest-subscription.entity';
import { ListSubscriptionsQuery } from './dto/list-subscriptions.query';
import { SubscriptionFieldsDto } from './dto/subscription-fields.dto';
import { SubscriptionState, applySubscriptionInput, scheduleChanged } from './subscription-rules';
import { DigestsErrorCode } from './digests-error-code';

/** Digest subscriptions: who gets which digest when (admin only). */
@Injectable()
export class DigestSubscriptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(input: SubscriptionFieldsDto, now = Date.now()): Promise<DigestSubscription> {
    const state = resolve(undefined, input);
    const subscription = Object.assign(new DigestSubscription(), {
      id: randomUUID(),
      ...toColumns(state),
      scheduleFrom: now,
      createdAt: now,
      updatedAt: now,
    });
    await this.repository().insert(subscription);
    return subscription;
  }

  async get(id: string): Promise<DigestSubscription> {
    const subscription = await this.repository().findOneBy({ id });
    if (!subscription) throw notFound(DigestsErrorCode.DIGEST_SUBSCRIPTION_NOT_FOUND, 'id', id);
    return subscription;
  }

  async update(
    id: string,
    input: SubscriptionFieldsDto,
    now = Date.now(),
  ): Promise<DigestSubscription> {
    const subscription = await this.get(id);
    const before = toState(subscription);
    const after = resolve(before, input);
    Object.assign(subscription, toColumns(after), { updatedAt: now });
    if (scheduleChanged(before, after)) subscription.scheduleFrom = now;
    await this.repository().update(
      { id },
      { ...toColumns(after), scheduleFrom: subscription.scheduleFrom, updatedAt: now },
    );
    return subscription;
  }

  /** Deletes the subscription with its claims and deliveries (the foreign keys cascade). */
  async remove(id: string): Promise<DigestSubscription> {
    const subscription = await this.get(id);
    await this.repository().delete({ id });
    return subscription;
  }

  list(query: ListSubscriptionsQuery): Promise<Page<DigestSubscription>> {
    const builder = this.repository().createQueryBuilder('subscription');
    if (query.active !== undefined)
      builder.andWhere('subscription.active = :active', { active: query.active });
    if (query.recipient) {
      const quoted = JSON.stringify(query.recipient.toLowerCase());
      const pattern = `%${quoted.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      builder.andWhere("LOWER(subscription.recipients) LIKE :pattern ESCAPE '\\'", { pattern });
    }
    return keysetPage(builder, {
      sortColumn: 'subscription.created_at',
      idColumn: 'subscription.id',
      sortValue: (subscription) => subscription.createdAt,
      rowId: (subscription) => subscription.id,
      order: query.order === 'desc' ? 'DESC' : 'ASC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  /** Every active subscription, for the scheduler. */
  active(): Promise<DigestSubscription[]> {
    return this.repository().find({ where: { active: true }, order: { createdAt: 'ASC' } });
  }

  private repository() {
    return this.dataSource.getRepository(DigestSubscription);
  }
}

function resolve(
  current: SubscriptionState | undefined,
  input: SubscriptionFieldsDto,
): SubscriptionState {
  const result = applySubscriptionInput(current, input);
  if (isFieldProblem(result)) throw fieldProblemError(result);
  return result;
}

function toState(subscription: DigestSubscription): SubscriptionState {
  return {
    name: subscription.name,
    recipients: subscription.recipientList(),
    cadence: subscription.cadence,
    weekday: subscription.weekday,
    dayOfMonth: subscription.dayOfMonth,
    cron: subscription.cron,
    timezone: subscription.timezone,
    sendAt: subscription.sendAt,
    language: subscription.language,
    sections: subscription.sectionList(),
    filterTag: subscription.filterTag,
    filterPlatform: subscription.filterPlatform,
    whenEmpty: subscription.whenEmpty,
    missed: subscription.missed,
    active: subscription.active,
  };
}

function toColumns(state: SubscriptionState) {
  return {
    ...state,
    recipients: JSON.stringify(state.recipients),
    sections: JSON.stringify(state.sections),
  };
}
