import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { invalidField } from '../../common/errors/domain-error';
import { HaloSettings } from '../../config/halo-settings';
import { runInWorker } from '../../common/workers/run-in-worker';
import { HoldoutWindow, holdoutWindow } from './holdout-window';
import { ModelValidation, runModelValidation } from './model-validation.job';

/**
 * Backtests the repeat-buying model: fits it as the value engine would on the data to asOf
 * (configured coefficients) and compares its expectations with the purchases in (asOf, until].
 * Like a recompute, it runs in a worker thread unless value.recomputeInWorker is off.
 */
@Injectable()
export class ModelValidationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: HaloSettings,
  ) {}

  /** Dates left out default to the last value.validationHoldoutDays (180) days up to now. */
  async validate(given: {
    asOf?: number;
    until?: number;
  }): Promise<HoldoutWindow & { comparison: ModelValidation; currency: string }> {
    const window = holdoutWindow(given, this.settings.value.validationHoldoutDays, Date.now());
    return {
      ...window,
      comparison: await this.compare(window),
      currency: this.settings.money.baseCurrency,
    };
  }

  private async compare({ asOf, until }: HoldoutWindow): Promise<ModelValidation> {
    if (until <= asOf) throw invalidField('until', 'must be after asOf', 'untilNotAfterAsOf');
    if (!this.settings.value.recomputeInWorker)
      return runModelValidation(this.dataSource, this.settings, asOf, until);
    return runInWorker<ModelValidation>(__dirname, 'model-validation.worker', {
      settings: JSON.parse(
        JSON.stringify({
          value: this.settings.value,
          money: this.settings.money,
          database: this.settings.database,
        }),
      ),
      asOf,
      until,
    });
  }
}
