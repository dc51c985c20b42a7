import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { timeOrderedUuids } from '../../common/ids/time-ordered-uuid';
import { Page } from '../../common/pagination/cursor';
import { keysetPage } from '../../common/pagination/keyset';
import { HaloSettings } from '../../config/halo-settings';
import { ValueRun } from '../../value/value-run.entity';
import { ListWebhookDeliveriesQuery } from '../dto/list-webhook-deliveries.query';
import { WebhookDelivery } from '../webhook-delivery.entity';
import { subscribedEvents } from '../webhook-subscription.entity';
import { WebhooksErrorCode } from '../webhooks-error-code';
import { RunEventsFinder } from './run-events.finder';
import { WebhookEvent } from './webhook-event';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Queues a completed run's events per subscription, and lists what was sent and how. */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly events: RunEventsFinder,
    private readonly settings: HaloSettings,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(WebhookDelivery);
  }

  /**
   * One delivery per subscription (and per `maxEventsPerDelivery` events) for the run: the
   * unique (subscription, run, chunk) key makes a second call for the same run queue nothing.
   * Answers the ids queued now.
   */
  async enqueue(run: ValueRun): Promise<string[]> {
    const subscriptions = await this.subscriptions.enabled();
    if (subscriptions.length === 0) return [];
    const events = await this.events.find(run);
    const now = Date.now();
    const nextId = timeOrderedUuids(now);
    const size = this.settings.webhooks.maxEventsPerDelivery;
    const rows: WebhookDelivery[] = [];
    const sent = await this.sentForDate(run);
    for (const subscription of subscriptions) {
      const wanted = new Set(subscribedEvents(subscription));
      const already = sent.get(subscription.id) ?? new Set<string>();
      const chosen = events.filter(
        (event) => wanted.has(event.type) && !already.has(eventKey(event)),
      );
      for (let start = 0, chunk = 0; start < chosen.length; start += size, chunk += 1) {
        const part = chosen.slice(start, start + size);
        rows.push(
          Object.assign(new WebhookDelivery(), {
            id: nextId(),
            subscriptionId: subscription.id,
            runId: run.id,
            chunk,
            events: JSON.stringify(part),
            eventCount: part.length,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            leaseUntil: null,
            lastAttemptAt: null,
            deliveredAt: null,
            lastStatusCode: null,
            lastError: null,
            createdAt: now,
            updatedAt: now,
          }),
        );
      }
    }
    if (rows.length === 0) return [];
    for (const row of rows)
      await this.repository
        .createQueryBuilder()
        .insert()
        .values(row)
        .orIgnore()
        .updateEntity(false)
        .execute();
    // A row that lost to an earlier one of the same key was not stored under its new id.
    const stored = await this.repository.findBy({ id: In(rows.map((row) => row.id)) });
    return stored.map((row) => row.id);
  }

  /**
   * Events already queued, per subscription, by earlier runs of the same date: a second
   * recompute of a day compares with the same previous date and would announce them again.
   */
  private async sentForDate(run: ValueRun): Promise<Map<string, Set<string>>> {
    const rows = await this.repository
      .createQueryBuilder('delivery')
      .innerJoin(ValueRun, 'run', 'run.id = delivery.run_id')
      .where('run.as_of_date = :date AND run.id <> :runId', { date: run.asOfDate, runId: run.id })
      .getMany();
    const sent = new Map<string, Set<string>>();
    for (const row of rows) {
      const keys = sent.get(row.subscriptionId) ?? new Set<string>();
      for (const event of JSON.parse(row.events) as WebhookEvent[]) keys.add(eventKey(event));
      sent.set(row.subscriptionId, keys);
    }
    return sent;
  }

  list(query: ListWebhookDeliveriesQuery): Promise<Page<WebhookDelivery>> {
    const builder = this.repository.createQueryBuilder('delivery');
    if (query.status) builder.andWhere('delivery.status = :status', { status: query.status });
    if (query.subscriptionId)
      builder.andWhere('delivery.subscription_id = :subscriptionId', {
        subscriptionId: query.subscriptionId.toLowerCase(),
      });
    return keysetPage(builder, {
      sortColumn: 'delivery.created_at',
      idColumn: 'delivery.id',
      sortValue: (delivery) => delivery.createdAt,
      rowId: (delivery) => delivery.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  async get(id: string): Promise<WebhookDelivery> {
    const delivery = await this.repository.findOneBy({ id });
    if (!delivery) throw notFound(WebhooksErrorCode.WEBHOOK_DELIVERY_NOT_FOUND, 'id', id);
    return delivery;
  }

  /** Deliveries whose next attempt is due, oldest first. */
  async due(now: number, limit = 50): Promise<string[]> {
    const rows = await this.repository
      .createQueryBuilder('delivery')
      .select('delivery.id', 'id')
      .where("delivery.status IN ('pending', 'retrying')")
      .andWhere('delivery.next_attempt_at <= :now', { now })
      .orderBy('delivery.next_attempt_at', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }
}

/** What makes two events the same news: the member and where they went, or the referral. */
function eventKey(event: WebhookEvent): string {
  switch (event.type) {
    case 'tier.changed':
      return `${event.type}:${event.memberId}:${event.to ?? ''}`;
    case 'ambassador.new':
      return `${event.type}:${event.memberId}:${event.tier}`;
    case 'referral.flagged':
      return `${event.type}:${event.referralId}`;
  }
}
