import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import { coefficientsFrom } from '../coefficients';
import { fitSpendModel } from '../engine/spend-model';
import { HoldoutComparison, compareHoldout } from './holdout-comparison';
import { DailyCheck, dailyCheck, expectationOf } from './holdout-daily';
import { HoldoutMoney, compareMoney, spendPerPurchase } from './holdout-money';
import { decideSpendModel, holdoutCustomers } from './model-choice.job';

export type ValidationSettings = Pick<HaloSettings, 'value' | 'money'>;

/** The backtest: purchase counts, the same day by day through the holdout, and in money. */
export interface ModelValidation extends HoldoutComparison {
  daily: DailyCheck;
  money: HoldoutMoney;
}

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
): Promise<ModelValidation> {
  const customers = await holdoutCustomers(dataSource, settings, asOf, until);
  const summaries = customers.map((customer) => customer.summary);
  const { choice, reuse } = await decideSpendModel(dataSource, settings, asOf);
  const model = fitSpendModel(summaries, coefficientsFrom(settings), choice, reuse);
  const holdoutDays = (until - asOf) / DAY_MS;
  const comparison = compareHoldout(customers, model, holdoutDays);
  const { fitted, simple } = comparison;
  const fittedAt = expectationOf(fitted.method, fitted.params);
  const spend = spendPerPurchase(
    model.gammaGamma,
    fitted.method === 'simple' ? fitted.reason : null,
  );
  return {
    ...comparison,
    daily: dailyCheck(customers, holdoutDays, fittedAt, expectationOf(simple.method, null)),
    money: compareMoney(customers, fittedAt(holdoutDays), spend),
  };
}
