import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidField } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { coefficientsFrom } from '../coefficients';
import { AcquisitionInputsLoader } from './acquisition-inputs.loader';
import { AcquisitionMetrics, computeAcquisitionMetrics } from './acquisition-metrics';
import { acquisitionWindow } from './acquisition-window';
import { Period } from './campaign-days';

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

  get targetLtvCacRatio(): number {
    return this.settings.value.targetLtvCacRatio;
  }

  /** The metrics of a window; a bound left out defaults (acquisition-window.ts). */
  async metrics(
    bounds: { from?: number; to?: number },
    now = Date.now(),
  ): Promise<{ period: Period; metrics: AcquisitionMetrics }> {
    const period = acquisitionWindow(bounds, now);
    if (period.to <= period.from) throw invalidField('to', 'must be after from', 'toNotAfterFrom');
    const { value } = this.settings;
    const inputs = await new AcquisitionInputsLoader(this.dataSource).load(period, now, value);
    const metrics = computeAcquisitionMetrics(inputs, period, {
      targetLtvCacRatio: value.targetLtvCacRatio,
      factors: coefficientsFrom(this.settings),
    });
    return { period, metrics };
  }
}
