import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidField } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { AcquisitionInputsLoader } from './acquisition-inputs.loader';
import { AcquisitionMetrics, Period, computeAcquisitionMetrics } from './acquisition-metrics';

/** CAC and LTV/CAC per acquisition channel and campaign, from the current value snapshots. */
@Injectable()
export class AcquisitionMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  get baseCurrency(): string {
    return this.settings.money.baseCurrency;
  }

  async metrics(period: Period): Promise<AcquisitionMetrics> {
    if (period.to <= period.from) throw invalidField('to', 'must be after from', 'toNotAfterFrom');
    const { members, campaigns, community } = await new AcquisitionInputsLoader(
      this.dataSource,
    ).load(period);
    return computeAcquisitionMetrics(members, campaigns, community, period);
  }
}
