import { IsNumber, Max, Min } from 'class-validator';

export class PrivacySettings {
  /**
   * Seconds an erasure waits for a running recompute or import to finish before it answers
   * 409 ERASURE_BLOCKED: it never runs beside them (DESIGN.md, Erasure).
   */
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(3600)
  erasureLockWaitSeconds!: number;
}
