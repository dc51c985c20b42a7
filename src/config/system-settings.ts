import { IsInt, Max, Min } from 'class-validator';

/** The operations summary (GET /api/v1/system) and what /health says of it. */
export class SystemSettings {
  /** /health reuses a summary this many seconds old; 0 computes one for every request. */
  @IsInt()
  @Min(0)
  @Max(3600)
  summaryCacheSeconds!: number;

  /** The window of failed runs and digest failures the summary lists. */
  @IsInt()
  @Min(1)
  @Max(365)
  recentDays!: number;

  /** Without a successful recompute for this long (while members exist), health is degraded. */
  @IsInt()
  @Min(1)
  @Max(8760)
  recomputeOverdueHours!: number;
}
