import { INestApplicationContext } from '@nestjs/common';
import { usageError } from '../common/cli/command-exit';
import { parseIsoInstant } from '../common/dates/iso-date';
import { RecomputeService } from '../value/recompute.service';

/** Recomputes every member's value, with progress on a terminal. */
export async function valueRecomputeCommand(
  app: INestApplicationContext,
  options: { asOf?: string },
): Promise<number> {
  const asOf = options.asOf === undefined ? undefined : parseIsoInstant(options.asOf);
  if (options.asOf !== undefined && asOf === undefined)
    return usageError('--as-of must be an ISO 8601 date or date-time with Z or an offset');
  const tty = process.stderr.isTTY;
  const run = await app
    .get(RecomputeService)
    .recompute({ asOf, trigger: 'cli' }, (stage, done, total) => {
      if (tty) process.stderr.write(`\r${stage.padEnd(8)} ${done}/${total}   `);
    });
  if (tty) process.stderr.write('\n');
  process.stdout.write(
    `${run.status}: ${run.members} members as of ${new Date(run.asOf).toISOString()} in ${run.durationMs} ms (method ${run.method ?? 'n/a'})${run.error ? `: ${run.error}` : ''}\n`,
  );
  return run.status === 'succeeded' ? 0 : 1;
}
