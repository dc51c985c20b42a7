import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { IsCronExpression } from './settings-validators';

export class WebhookSettings {
  /**
   * Outbound deliveries to loopback, private, link-local and unique-local addresses. Off in
   * production (a subscription must not reach the service's own network); on in tests.
   */
  @IsBoolean()
  allowPrivateTargets!: boolean;

  /** Attempts of one outbound delivery before it is marked failed. */
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

  /** How long a receiver may take to answer before the attempt counts as failed. */
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeoutMs!: number;

  /** When due retries are sent (UTC cron); one instance sends each delivery. */
  @IsCronExpression()
  deliveryCron!: string;

  /** Whether this instance runs the retry timer (tests fire it themselves). */
  @IsBoolean()
  scheduler!: boolean;

  /** Events in one outbound request; a recompute with more sends several. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxEventsPerDelivery!: number;
}
