import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { DigestDelivery } from './digest-delivery.entity';
import { ListDeliveriesQuery } from './dto/list-deliveries.query';

/** What was sent, when, to whom, and how it went. */
@Injectable()
export class DigestDeliveriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: ListDeliveriesQuery): Promise<Page<DigestDelivery>> {
    const builder = this.dataSource.getRepository(DigestDelivery).createQueryBuilder('delivery');
    if (query.subscriptionId)
      builder.andWhere('delivery.subscription_id = :subscriptionId', {
        subscriptionId: query.subscriptionId.toLowerCase(),
      });
    if (query.status) builder.andWhere('delivery.status = :status', { status: query.status });
    if (query.recipient)
      builder.andWhere('LOWER(delivery.recipient) = :recipient', {
        recipient: query.recipient.toLowerCase(),
      });
    if (query.from)
      builder.andWhere('delivery.period_end >= :from', { from: parseIsoInstant(query.from) });
    if (query.to) builder.andWhere('delivery.period_end < :to', { to: parseIsoInstant(query.to) });
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
}
