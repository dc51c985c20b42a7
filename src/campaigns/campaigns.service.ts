import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { parseIsoInstant } from '../common/dates/iso-date';
import { conflict, invalidField, notFound } from '../common/errors/domain-error';
import { CurrencyConverter } from '../config/currency-converter.service';
import { Page } from '../common/pagination/cursor';
import { keysetPage } from '../common/pagination/keyset';
import { Campaign } from './campaign.entity';
import { CreateCampaignDto } from './dto/campaign-fields';
import { ListCampaignsQuery } from './dto/list-campaigns.query';
import { CampaignsErrorCode } from './campaigns-error-code';

@Injectable()
export class CampaignsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly converter: CurrencyConverter,
  ) {}

  get baseCurrency(): string {
    return this.converter.baseCurrency;
  }

  /** Idempotent on externalId, or without one on (name, channel, startsAt). */
  async create(input: CreateCampaignDto): Promise<{ campaign: Campaign; created: boolean }> {
    const startsAt = parseIsoInstant(input.startsAt)!;
    const endsAt = parseIsoInstant(input.endsAt)!;
    if (endsAt < startsAt)
      throw invalidField('endsAt', 'must not be before startsAt', 'endsBeforeStart');
    const now = Date.now();
    const candidate = Object.assign(new Campaign(), {
      id: randomUUID(),
      externalId: input.externalId ?? null,
      name: input.name,
      channel: input.channel,
      ...this.spend(input),
      startsAt,
      endsAt,
      prospects: input.prospects,
      createdAt: now,
      updatedAt: now,
    });
    const repository = this.dataSource.getRepository(Campaign);
    const existing = input.externalId
      ? await repository.findOneBy({ externalId: input.externalId })
      : await repository.findOneBy({ name: input.name, channel: input.channel, startsAt });
    if (existing) {
      const fields: (keyof Campaign)[] = [
        'name',
        'channel',
        'spendMinor',
        'currency',
        'startsAt',
        'endsAt',
        'prospects',
      ];
      if (fields.every((field) => existing[field] === candidate[field]))
        return { campaign: existing, created: false };
      throw conflict(
        CampaignsErrorCode.CAMPAIGN_EXISTS,
        'a campaign with this key exists with other content',
        input.externalId ? 'externalId' : 'name',
      );
    }
    await repository.insert(candidate);
    return { campaign: candidate, created: true };
  }

  async get(id: string): Promise<Campaign> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ id });
    if (!campaign) throw notFound(CampaignsErrorCode.CAMPAIGN_NOT_FOUND, 'id', id);
    return campaign;
  }

  list(query: ListCampaignsQuery): Promise<Page<Campaign>> {
    const builder = this.dataSource.getRepository(Campaign).createQueryBuilder('campaign');
    if (query.channel) builder.andWhere('campaign.channel = :channel', { channel: query.channel });
    return keysetPage(builder, {
      sortColumn: 'campaign.starts_at',
      idColumn: 'campaign.id',
      sortValue: (campaign) => campaign.startsAt,
      rowId: (campaign) => campaign.id,
      order: query.order === 'asc' ? 'ASC' : 'DESC',
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
  }

  private spend(input: CreateCampaignDto) {
    const amount = this.converter.read(input.spend, input.currency, 'spend');
    return {
      spendMinor: amount.amountMinor,
      currency: amount.currency,
      baseSpendMinor: amount.baseAmountMinor,
      rate: amount.rate,
    };
  }
}
