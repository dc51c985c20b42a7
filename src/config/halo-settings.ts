import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsBoolean,
  IsIP,
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
import { LOG_LEVELS, LogLevelSetting } from '../common/http/halo-logger';
import { IsCurrencyCode, IsRateTable } from './settings-validators';
import { AdvocatesSettings } from './advocates-settings';
import { AuditSettings } from './audit-settings';
import { BrandSettings } from './brand-settings';
import { DigestSettings } from './digest-settings';
import { IdempotencySettings } from './idempotency-settings';
import { SystemSettings } from './system-settings';
import { PrivacySettings } from './privacy-settings';
import { ValueSettings } from './value-settings';
import { WebhookSettings } from './webhook-settings';

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

  /** The address to bind; 0.0.0.0 listens on every interface. */
  @IsIP()
  host!: string;

  /** Whether X-Forwarded-For and -Proto from a proxy on a loopback or private address count. */
  @IsBoolean()
  trustProxy!: boolean;

  /** /docs and /docs-json without a key. */
  @IsBoolean()
  docsPublic!: boolean;
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

  /**
   * SQLite's page cache per connection, in MiB. Every thread that opens the file (the server,
   * an import's or a recompute's worker) holds one; the operating system caches the file too.
   */
  @IsInt()
  @Min(1)
  sqliteCacheMb!: number;
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

  /** Failed authentications a minute per address and per key prefix before 429. */
  @IsInt()
  @Min(1)
  failuresPerMinute!: number;
}

export class ReferralSettings {
  /** A refund of the converting order within this many days voids the conversion. */
  @IsInt()
  @Min(0)
  @Max(3650)
  refundVoidDays!: number;

  /** More than burstThreshold referrals by one member within burstWindowHours are flagged. */
  @IsInt()
  @Min(1)
  burstWindowHours!: number;

  @IsInt()
  @Min(1)
  burstThreshold!: number;

  @IsArray()
  @IsString({ each: true })
  disposableDomains!: string[];
}

export class ImportSettings {
  /** Rows stored per transaction. */
  @IsInt()
  @Min(1)
  @Max(10000)
  batchSize!: number;

  /**
   * HTTP bodies whose Content-Length is below this import on the main thread (a worker and its
   * application context cost some hundreds of ms); larger or chunked ones in a worker thread.
   */
  @IsInt()
  @Min(0)
  workerMinBytes!: number;

  /** HTTP imports running at once; a further one answers 429 with Retry-After. */
  @IsInt()
  @Min(1)
  @Max(64)
  maxConcurrent!: number;
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

  @ValidateNested()
  @Type(() => ReferralSettings)
  referrals!: ReferralSettings;

  @ValidateNested()
  @Type(() => ImportSettings)
  imports!: ImportSettings;

  @ValidateNested()
  @Type(() => ValueSettings)
  value!: ValueSettings;

  @ValidateNested()
  @Type(() => AdvocatesSettings)
  advocates!: AdvocatesSettings;

  @ValidateNested()
  @Type(() => DigestSettings)
  digests!: DigestSettings;

  @ValidateNested()
  @Type(() => IdempotencySettings)
  idempotency!: IdempotencySettings;

  @ValidateNested()
  @Type(() => SystemSettings)
  system!: SystemSettings;

  @ValidateNested()
  @Type(() => PrivacySettings)
  privacy!: PrivacySettings;

  @ValidateNested()
  @Type(() => WebhookSettings)
  webhooks!: WebhookSettings;

  @ValidateNested()
  @Type(() => AuditSettings)
  audit!: AuditSettings;

  @ValidateNested()
  @Type(() => BrandSettings)
  brand!: BrandSettings;
}
