import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { coefficientsFrom } from '../coefficients';
import { fitSpendModel } from '../engine/spend-model';
import { ValueInputsLoader } from '../value-inputs.loader';
import {
  HoldoutComparison,
  HoldoutCustomer,
  compareHoldout,
  holdoutPurchaseDays,
} from './holdout-comparison';
import { HoldoutPurchasesLoader } from './holdout-purchases.loader';

export type ValidationSettings = Pick<HaloSettings, 'value' | 'money'>;

/**
 * One backtest on the given connection (a worker thread's own in the service): fit as the
 * value engine would on the data to asOf, then compare with the purchase days in (asOf, until].
 */
export async function runModelValidation(
  dataSource: DataSource,
  settings: ValidationSettings,
  asOf: number,
  until: number,
): Promise<HoldoutComparison> {
  const summaries = await new ValueInputsLoader(dataSource).loadSpendSummaries(
    asOf,
    settings.value,
  );
  const holdout = await new HoldoutPurchasesLoader(dataSource).purchaseDays(asOf, until);
  const model = fitSpendModel(summaries, coefficientsFrom(settings));
  const asOfDay = Math.floor(asOf / DAY_MS);
  const customers: HoldoutCustomer[] = summaries
    .filter((summary) => summary.purchaseDays > 0)
    .map((summary) => ({
      summary,
      actual: holdoutPurchaseDays(summary, asOfDay, holdout.get(summary.memberId) ?? []),
    }));
  return compareHoldout(customers, model, (until - asOf) / DAY_MS);
}
