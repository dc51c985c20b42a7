import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCurrencyCode, IsRateTable } from './settings-validators';

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelSetting = (typeof LOG_LEVELS)[number];

export class ServerSettings {
  @IsInt()
  @Min(0)
  @Max(65535)
  port!: number;

  @IsUrl({ require_tld: false, require_protocol: true })
  publicBaseUrl!: string;

  @IsInt()
  @Min(1024)
  bodyMaxBytes!: number;

  @IsInt()
  @Min(1024)
  importMaxBytes!: number;

  @IsIn(LOG_LEVELS)
  logLevel!: LogLevelSetting;
}

export class DatabaseSettings {
  @IsString()
  @IsNotEmpty()
  sqlitePath!: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  url?: string;

  @IsInt()
  @Min(0)
  busyTimeoutMs!: number;
}

export class MoneySettings {
  @IsCurrencyCode()
  baseCurrency!: string;

  /** Base-currency units per one unit of each foreign currency, as decimal strings. */
  @IsObject()
  @IsRateTable()
  currencyRates!: Record<string, string>;
}

export class AuthSettings {
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'must be at least 24 characters' })
  adminKey?: string;
}

/** Every setting of the service, validated at start. */
export class HaloSettings {
  @ValidateNested()
  @Type(() => ServerSettings)
  server!: ServerSettings;

  @ValidateNested()
  @Type(() => DatabaseSettings)
  database!: DatabaseSettings;

  @ValidateNested()
  @Type(() => MoneySettings)
  money!: MoneySettings;

  @ValidateNested()
  @Type(() => AuthSettings)
  auth!: AuthSettings;
}
