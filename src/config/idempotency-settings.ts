import { IsNumber, Max, Min } from 'class-validator';
import { IsCronExpression } from './settings-validators';

export class IdempotencySettings {
  /**
   * Hours an Idempotency-Key's record is kept: within them the same key replays or is refused,
   * after them the key may be used again. Fractions are allowed (tests, short-lived clients).
   */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(8760)
  ttlHours!: number;

  /** When expired records are deleted (UTC cron). */
  @IsCronExpression()
  purgeCron!: string;
}
