import { Injectable } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error';
import { convertMinor, parseAmount } from '../common/money/money';
import { HaloSettings } from './halo-settings';
import { CommonErrorCode } from '../common/errors/common-error-code';

export interface ConvertedAmount {
  amountMinor: number;
  currency: string;
  baseAmountMinor: number;
  rate: string;
}

/** Reads API amounts and converts them to the base currency at the configured rates. */
@Injectable()
export class CurrencyConverter {
  constructor(private readonly settings: HaloSettings) {}

  get baseCurrency(): string {
    return this.settings.money.baseCurrency;
  }

  rateFor(currency: string, field = 'currency'): string {
    if (currency === this.baseCurrency) return '1';
    const rate = this.settings.money.currencyRates[currency];
    if (!rate) {
      throw new DomainError(
        'unprocessable',
        CommonErrorCode.CURRENCY_WITHOUT_RATE,
        `no exchange rate is configured for ${currency}`,
        [{ field, reason: `no rate for ${currency} in CURRENCY_RATES`, code: 'noRate' }],
      );
    }
    return rate;
  }

  /** A client amount in its currency, validated against the currency's decimals, then converted. */
  read(value: unknown, currency: string, field = 'amount', rate?: string): ConvertedAmount {
    const usedRate = rate ?? this.rateFor(currency);
    const parsed = parseAmount(value, currency);
    if ('problem' in parsed) {
      const reasons = {
        'not-a-decimal': 'must be a non-negative decimal amount such as "49.90"',
        negative: 'must not be negative',
        'too-many-decimals': `has more decimals than ${currency} has`,
        'too-large': 'is too large',
      } as const;
      throw new DomainError(
        'invalid',
        CommonErrorCode.VALIDATION_FAILED,
        `${field} ${reasons[parsed.problem]}`,
        [{ field, reason: reasons[parsed.problem], code: parsed.problem }],
      );
    }
    return {
      amountMinor: parsed.minor,
      currency,
      baseAmountMinor: convertMinor(parsed.minor, currency, this.baseCurrency, usedRate),
      rate: usedRate,
    };
  }
}
