import { ApiProperty } from '@nestjs/swagger';
import { formatAmount, roundMinor } from '../../../common/money/money';
import type { PastPurchases } from '../holdout-comparison';
import type { HoldoutMoney, MoneyCalibrationRow, SpendPerPurchaseCheck } from '../holdout-money';

/** Minor units (a modeled float or an exact sum) as the API's decimal string in major units. */
function amount(minor: number, currency: string): string;
function amount(minor: number | null, currency: string): string | null;
function amount(minor: number | null, currency: string): string | null {
  return minor === null || !Number.isFinite(minor)
    ? null
    : formatAmount(roundMinor(minor), currency);
}

export class MoneyCalibrationRowDto {
  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: 0, maximum: 6 },
      { type: 'string', enum: ['7+'] },
    ],
    description: 'Repeat purchase days before asOf: 0 to 6, then 7 or more.',
    example: 2,
  })
  pastPurchases!: PastPurchases;

  @ApiProperty({ example: 177 }) customers!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mean expected spend per customer in the holdout, major units.',
    example: '61.20',
  })
  meanExpected!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Mean actual net spend per customer in the holdout, major units.',
    example: '58.75',
  })
  meanActual!: string | null;

  static from(row: MoneyCalibrationRow, currency: string): MoneyCalibrationRowDto {
    return {
      pastPurchases: row.pastPurchases,
      customers: row.customers,
      meanExpected: amount(row.meanExpectedMinor, currency),
      meanActual: amount(row.meanActualMinor, currency),
    };
  }
}

export class SpendPerPurchaseDto {
  @ApiProperty({
    description: 'Customers with a repeat purchase day in the holdout.',
    example: 412,
  })
  customers!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Mean over them of |expected spend per purchase − their net holdout spend per repeat purchase day|, major units.',
    example: '12.40',
  })
  meanAbsoluteError!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '47.10' })
  meanExpected!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '45.85' })
  meanActual!: string | null;

  static from(check: SpendPerPurchaseCheck, currency: string): SpendPerPurchaseDto {
    return {
      customers: check.customers,
      meanAbsoluteError: amount(check.meanAbsoluteErrorMinor, currency),
      meanExpected: amount(check.meanExpectedMinor, currency),
      meanActual: amount(check.meanActualMinor, currency),
    };
  }
}

export class HoldoutMoneyDto {
  @ApiProperty({ description: 'The base currency of every amount here.', example: 'EUR' })
  currency!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Expected spend in the holdout, major units: Gamma-Gamma's expected spend per purchase × the fitted model's expected repeat purchases, all customers.",
    example: '24310.55',
  })
  totalExpected!: string | null;

  @ApiProperty({
    description:
      'Actual net spend (refunds up to until deducted) of the customers’ orders in (asOf, until], major units.',
    example: '23890.00',
  })
  totalActual!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: '(expected − actual) / actual × 100; null when nobody spent in the holdout.',
    example: 1.7604,
  })
  totalPercentError!: number | null;

  @ApiProperty({ type: [MoneyCalibrationRowDto] })
  calibration!: MoneyCalibrationRowDto[];

  @ApiProperty({ type: SpendPerPurchaseDto })
  spendPerPurchase!: SpendPerPurchaseDto;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "Why expected spend per purchase is each customer's average order value (the simple formula's) rather than Gamma-Gamma's; null otherwise.",
    example: null,
  })
  reason!: string | null;

  static from(money: HoldoutMoney, currency: string): HoldoutMoneyDto {
    return {
      currency,
      totalExpected: amount(money.totalExpectedMinor, currency),
      totalActual: amount(money.totalActualMinor, currency),
      totalPercentError:
        money.totalPercentError === null
          ? null
          : Math.round(money.totalPercentError * 10_000) / 10_000,
      calibration: money.calibration.map((row) => MoneyCalibrationRowDto.from(row, currency)),
      spendPerPurchase: SpendPerPurchaseDto.from(money.spendPerPurchase, currency),
      reason: money.reason,
    };
  }
}
