import { IsInt, Max, Min } from 'class-validator';
import { IsCronExpression } from './settings-validators';

export class AuditSettings {
  /** Days an audit entry is kept (AUDIT_RETENTION_DAYS); older ones are deleted daily. */
  @IsInt()
  @Min(1)
  @Max(36500)
  retentionDays!: number;

  /** When entries past retention are deleted (UTC cron). */
  @IsCronExpression()
  purgeCron!: string;
}
