import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCronExpression } from './settings-validators';

/** `halo@example.com` or `Halo <halo@example.com>`. */
const MAIL_ADDRESS = /^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

export class SmtpSettings {
  /** Without a host, mails go to the outbox folder as .eml files (the demo). */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  host?: string;

  @IsInt()
  @Min(1)
  @Max(65535)
  port!: number;

  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  @IsBoolean()
  secure!: boolean;

  @IsOptional()
  @IsString()
  user?: string;

  @IsOptional()
  @IsString()
  password?: string;

  @IsString()
  @Matches(MAIL_ADDRESS, { message: 'must be an address such as "Halo <halo@example.com>"' })
  from!: string;

  /** Connection, greeting and socket timeout. */
  @IsInt()
  @Min(1000)
  @Max(600_000)
  timeoutMs!: number;
}

/** Scheduled digest emails (docs/api-semantics.md, Digests). */
export class DigestSettings {
  @ValidateNested()
  @Type(() => SmtpSettings)
  smtp!: SmtpSettings;

  /** Where the outbox transport writes .eml files when no SMTP host is set. */
  @IsString()
  @IsNotEmpty()
  outboxDir!: string;

  /** Outbox .eml files older than this many days are deleted by a daily job. */
  @IsInt()
  @Min(1)
  @Max(3650)
  outboxRetentionDays!: number;

  /** When the outbox retention job runs (UTC cron; daily by default). */
  @IsCronExpression()
  outboxRetentionCron!: string;

  /** Attempts per recipient before a temporary failure becomes `failed`. */
  @IsInt()
  @Min(1)
  @Max(50)
  maxAttempts!: number;

  /** The wait after the first failed attempt; it doubles with each further one. */
  @IsInt()
  @Min(1)
  @Max(86_400)
  retryBackoffSeconds!: number;

  @IsInt()
  @Min(1)
  @Max(7 * 86_400)
  retryBackoffMaxSeconds!: number;

  /** How long a claim is held by the instance sending it; after that another tick retries it. */
  @IsInt()
  @Min(1)
  @Max(1440)
  leaseMinutes!: number;

  /** When the scheduler looks for due periods (UTC cron). */
  @IsCronExpression()
  tickCron!: string;

  /** Off: no timer (tests fire ticks themselves); preview and manual sends still work. */
  @IsBoolean()
  scheduler!: boolean;

  /** At most this many missed periods are sent per subscription when catching up. */
  @IsInt()
  @Min(1)
  @Max(100)
  maxCatchUp!: number;

  /** Rows per list section (top advocates, rising, ...). */
  @IsInt()
  @Min(1)
  @Max(50)
  listSize!: number;
}
