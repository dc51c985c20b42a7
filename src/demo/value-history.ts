import { RecomputeService } from '../value/recompute.service';
import { ValueRun } from '../value/value-run.entity';

const DAY = 86_400_000;
/** Monthly values for half a year, ending today. */
export const DEMO_DAYS_AGO = [150, 120, 90, 60, 30, 0];

/**
 * Values the demo community as of each date a brand running Halo for half a year would have
 * (oldest first, so that each run finds the one before): changes, rising and new ambassadors
 * and the digest's period all have a snapshot to compare with.
 */
export async function recomputeHistory(
  recompute: RecomputeService,
  now: number,
  onRun: (run: ValueRun) => void = () => undefined,
  daysAgo: readonly number[] = DEMO_DAYS_AGO,
): Promise<ValueRun> {
  let run: ValueRun | undefined;
  for (const days of daysAgo) {
    run = await recompute.recompute({ asOf: now - days * DAY, trigger: 'demo' });
    onRun(run);
  }
  return run!;
}
