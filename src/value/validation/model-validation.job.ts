import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { coefficientsFrom } from '../coefficients';
import { fitSpendModel } from '../engine/spend-model';
import type { SpendSummary } from '../engine/value-types';
import { HoldoutComparison, compareHoldout } from './holdout-comparison';
import { decideSpendModel, holdoutCustomers } from './model-choice.job';

export type ValidationSettings = Pick<HaloSettings, 'value' | 'money'>;

/**
 * One backtest on the given connection (a worker thread's own in the service): fit as the
 * value engine would on the data to asOf (the model it would have chosen then, from the holdout
 * before asOf), then compare with the purchase days in (asOf, until].
 */
export async function runModelValidation(
  dataSource: DataSource,
  settings: ValidationSettings,
  asOf: number,
  until: number,
): Promise<HoldoutComparison> {
  const customers = await holdoutCustomers(dataSource, settings, asOf, until);
  const summaries = customers.map((customer) => customer.summary as SpendSummary);
  const { choice, reuse } = await decideSpendModel(dataSource, settings, asOf);
  const model = fitSpendModel(summaries, coefficientsFrom(settings), choice, reuse);
  return compareHoldout(customers, model, (until - asOf) / DAY_MS);
}
