import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { notFound } from '../../common/errors/domain-error';
import { Page } from '../../common/pagination/cursor';
import { keysetPage } from '../../common/pagination/keyset';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { HaloSettings } from '../../config/halo-settings';
import { CreateWebhookSubscriptionDto } from '../dto/create-webhook-subscription.dto';
import { UpdateWebhookSubscriptionDto } from '../dto/update-webhook-subscription.dto';
import { WebhookSecretBox, generateWebhookSecret } from '../webhook-secret-box';
import { WebhookSubscription } from '../webhook-subscription.entity';
import { WebhooksErrorCode } from '../webhooks-error-code';
import { assertPublicTarget } from './target-guard';

/** Admins' outbound subscriptions; the secret that signs their deliveries is shown once. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly secrets: WebhookSecretBox,
    private readonly settings: HaloSettings,
  ) {}

  private get repository() {
    return this.dataSource.getRepository(WebhookSubscription);
  }

  async create(
    input: CreateWebhookSubscriptionDto,
  ): Promise<{ subscription: WebhookSubscription; secret: string }> {
    await assertPublicTarget(new URL(input.url), this.settings.webhooks.allowPrivateTargets);
    const secret = generateWebhookSecret();
    const now = Date.now();
    const subscription = Object.assign(new WebhookSubscription(), {
      id: randomUUID(),
      url: input.url,
      events: [...input.events].sort().join(','),
      description: input.description?.trim() || null,
      secretCiphertext: await this.secrets.seal(secret),
      enabled: true,
      secretRotatedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await this.repository.insert(subscription);
    return { subscription, secret };
  }

  list(query: PageQueryDto): Promise<Page<WebhookSubscription>> {
    return keysetPage(this.repository.createQueryBuilder('subscription'), {
      sortColumn: 'subscription.created_at',
      idColumn: 'subscription.id',
      sortValue: (subscription) => subscription.createdAt,
      rowId: (subscription) => subscription.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  async get(id: string): Promise<WebhookSubscription> {
    const subscription = await this.repository.findOneBy({ id });
    if (!subscription) throw notFound(WebhooksErrorCode.WEBHOOK_SUBSCRIPTION_NOT_FOUND, 'id', id);
    return subscription;
  }

  async update(id: string, input: UpdateWebhookSubscriptionDto): Promise<WebhookSubscription> {
    const subscription = await this.get(id);
    if (input.events) subscription.events = [...input.events].sort().join(',');
    if (input.enabled !== undefined) subscription.enabled = input.enabled;
    subscription.updatedAt = Date.now();
    await this.repository.update(id, {
      events: subscription.events,
      enabled: subscription.enabled,
      updatedAt: subscription.updatedAt,
    });
    return subscription;
  }

  /** Deletes the subscription and its deliveries (the foreign key cascades). */
  async remove(id: string): Promise<WebhookSubscription> {
    const subscription = await this.get(id);
    await this.repository.delete(id);
    return subscription;
  }

  async rotate(id: string): Promise<{ subscription: WebhookSubscription; secret: string }> {
    const subscription = await this.get(id);
    const secret = generateWebhookSecret();
    const now = Date.now();
    Object.assign(subscription, {
      secretCiphertext: await this.secrets.seal(secret),
      secretRotatedAt: now,
      updatedAt: now,
    });
    await this.repository.update(id, {
      secretCiphertext: subscription.secretCiphertext,
      secretRotatedAt: now,
      updatedAt: now,
    });
    return { subscription, secret };
  }

  enabled(): Promise<WebhookSubscription[]> {
    return this.repository.find({ where: { enabled: true }, order: { createdAt: 'ASC' } });
  }

  openSecret(subscription: WebhookSubscription): Promise<string> {
    return this.secrets.open(subscription.secretCiphertext);
  }
}
