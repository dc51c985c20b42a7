import { Injectable, Logger } from '@nestjs/common';
import { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../../common/errors/domain-error';
import { mapShopify, SHOPIFY_TOPICS } from '../mappers/shopify.mapper';
import { mapWooCommerce, WOOCOMMERCE_TOPICS } from '../mappers/woocommerce.mapper';
import { ShopEvent } from '../mappers/shop-records';
import { WebhookSourcesService } from '../webhook-sources.service';
import { WebhookSource } from '../webhook-source.entity';
import { WebhooksErrorCode } from '../webhooks-error-code';
import { GenericRecordsWriter } from './generic-records.writer';
import { InboundOutcome } from './inbound-outcome';
import { verifySignature } from './inbound-signature';
import { parseJsonBody } from './raw-body';
import { ShopRecordsWriter } from './shop-records.writer';

/** WooCommerce's test delivery when a webhook is saved: `webhook_id=12`, nothing to store. */
const WOOCOMMERCE_PING = /^webhook_id=\d+$/;

/** One inbound delivery: the source, its signature over the raw body, then the mapped record. */
@Injectable()
export class InboundWebhooksService {
  private readonly logger = new Logger(InboundWebhooksService.name);

  constructor(
    private readonly sources: WebhookSourcesService,
    private readonly shops: ShopRecordsWriter,
    private readonly generic: GenericRecordsWriter,
  ) {}

  /** Refuses an unknown or disabled source before its body is read. */
  async source(sourceId: string): Promise<{ source: WebhookSource; secret: string }> {
    return this.sources.receiving(sourceId);
  }

  async receive(
    { source, secret }: { source: WebhookSource; secret: string },
    headers: IncomingHttpHeaders,
    body: Buffer,
    now = Date.now(),
  ): Promise<InboundOutcome> {
    verifySignature(source.kind, secret, headers, body, now);
    await this.sources.markReceived(source.id, now);
    const outcome = await this.dispatch(source, headers, body);
    // Ids and outcomes only: a payload holds personal data and never reaches the log.
    this.logger.log({
      webhookSource: source.id,
      kind: source.kind,
      outcome: outcome.outcome,
      ...('type' in outcome ? { type: outcome.type, recordId: outcome.recordId } : {}),
    });
    return outcome;
  }

  private dispatch(
    source: WebhookSource,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<InboundOutcome> {
    if (source.kind === 'generic') return this.generic.write(parseJsonBody(body));
    if (source.kind === 'woocommerce' && WOOCOMMERCE_PING.test(body.toString('latin1')))
      return Promise.resolve({ outcome: 'ignored', reason: 'WooCommerce ping' });
    const topic = header(
      headers,
      source.kind === 'shopify' ? 'x-shopify-topic' : 'x-wc-webhook-topic',
    );
    const topics: readonly string[] =
      source.kind === 'shopify' ? SHOPIFY_TOPICS : WOOCOMMERCE_TOPICS;
    if (!topic || !topics.includes(topic))
      throw new DomainError(
        'unprocessable',
        WebhooksErrorCode.WEBHOOK_TOPIC_UNSUPPORTED,
        `${source.kind} topic ${topic ?? '(none)'} is not one Halo reads`,
        [
          {
            field: source.kind === 'shopify' ? 'X-Shopify-Topic' : 'X-WC-Webhook-Topic',
            reason: `must be one of ${topics.join(', ')}`,
            code: 'topicUnsupported',
          },
        ],
      );
    // Shop ids may exceed 2^53: kept exact as strings.
    const payload = parseJsonBody(body, { exactIds: true });
    const event: ShopEvent =
      source.kind === 'shopify'
        ? mapShopify(topic, payload)
        : mapWooCommerce(topic, payload, source.id);
    return this.shops.write(event);
  }
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim();
}
