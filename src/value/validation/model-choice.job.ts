import { DataSource } from 'typeorm';
import { DAY_MS } from '../../common/dates/iso-date';
import { HaloSettings } from '../../config/halo-settings';
import type { BgNbdFit } from '../math';
import type { ReusedFits } from '../engine/spend-model';
import { coefficientsFrom } from '../coefficients';
import { ValueInputsLoader } from '../value-inputs.loader';
import { ValueRun } from '../value-run.entity';
import type { SpendSummary } from '../engine/value-types';
import { HoldoutCustomer, holdoutRepeatDays } from './holdout-comparison';
import type { DailyCustomer } from './holdout-daily';
import type { MoneyCustomer } from './holdout-money';
import { HoldoutPurchasesLoader } from './holdout-purchases.loader';
import { ModelChoice, chooseSpendModel, choiceStillHolds } from './model-choice';

type ChoiceSettings = Pick<HaloSettings, 'value' | 'money'>;

/** What a run stores of its choice and full-data fits (recompute-job.ts writes it). */
interface StoredChoice {
  choice?: ModelChoice;
  bgnbd?: BgNbdFit | null;
  modifiedBgnbd?: BgNbdFit | null;
}

/**
 * The spend model for a recompute at asOf: the latest successful run's choice while it holds
 * (same setting and holdout, made within a week of asOf), with its fit of the unchosen model;
 * else a new choice on the holdout (asOf − value.validationHoldoutDays, asOf].
 */
export async function decideSpendModel(
  dataSource: DataSource,
  settings: ChoiceSettings,
  asOf: number,
): Promise<{ choice: ModelChoice; reuse: ReusedFits }> {
  const { spendModel: setting, validationHoldoutDays: days } = settings.value;
  const previous = await latestStoredChoice(dataSource);
  if (choiceStillHolds(previous.choice, asOf, setting, days)) {
    return {
      choice: previous.choice,
      reuse: { bgnbd: previous.bgnbd ?? null, mbgnbd: previous.modifiedBgnbd ?? null },
    };
  }
  const calibrationEnd = asOf - days * DAY_MS;
  const customers = await holdoutCustomers(dataSource, settings, calibrationEnd, asOf);
  return {
    choice: chooseSpendModel(
      customers,
      { days, calibrationEnd, until: asOf },
      coefficientsFrom(settings),
      setting,
    ),
    reuse: {},
  };
}

/** A customer at calibrationEnd with what they bought after it, day by day and in money. */
export interface HoldoutCustomerRecord extends HoldoutCustomer, DailyCustomer, MoneyCustomer {
  summary: SpendSummary;
}

/**
 * Every customer who had bought by calibrationEnd, with their repeat purchase days after it
 * (holdoutPurchaseDays' rule: a day they last bought on before it is not a new one) and their
 * net spend after it.
 */
export async function holdoutCustomers(
  dataSource: DataSource,
  settings: ChoiceSettings,
  calibrationEnd: number,
  until: number,
): Promise<HoldoutCustomerRecord[]> {
  const summaries = await new ValueInputsLoader(dataSource).loadSpendSummaries(
    calibrationEnd,
    settings.value,
  );
  const holdout = await new HoldoutPurchasesLoader(dataSource).purchaseDaysWithSpend(
    calibrationEnd,
    until,
  );
  const endDay = Math.floor(calibrationEnd / DAY_MS);
  return summaries
    .filter((summary) => summary.purchaseDays > 0)
    .map((summary) => {
      const days = holdout.get(summary.memberId) ?? [];
      const repeatDays = holdoutRepeatDays(summary, endDay, days, ({ day }) => day);
      return {
        summary,
        actual: repeatDays.length,
        dayOffsets: repeatDays.map(({ day }) => day - endDay),
        spendMinor: days.reduce((total, { netMinor }) => total + netMinor, 0),
        repeatSpendMinor: repeatDays.reduce((total, { netMinor }) => total + netMinor, 0),
      };
    });
}

async function latestStoredChoice(dataSource: DataSource): Promise<StoredChoice> {
  const run = await dataSource
    .getRepository(ValueRun)
    .findOne({ where: { status: 'succeeded' }, order: { startedAt: 'DESC' } });
  if (!run?.model) return {};
  try {
    return JSON.parse(run.model) as StoredChoice;
  } catch {
    return {};
  }
}
