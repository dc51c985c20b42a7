import { INestApplicationContext } from '@nestjs/common';
import { parseIsoInstant } from '../common/dates/iso-date';
import { refusalExits, usageError } from '../common/cli/command-exit';
import { DigestRunnerService } from './delivery/digest-runner.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `digest:send <id>`: sends the last completed period now, once per period unless --force.
 * Exit 0 when every recipient got it (or the period was skipped as empty), 1 otherwise.
 */
export async function digestSendCommand(
  app: INestApplicationContext,
  id: string,
  options: { force?: boolean; at?: string },
): Promise<number> {
  const at = options.at === undefined ? undefined : parseIsoInstant(options.at);
  if (!UUID.test(id)) return usageError('<id> must be a subscription id (UUID)');
  if (options.at !== undefined && at === undefined)
    return usageError('--at must be an ISO 8601 date or date-time with Z or an offset');
  return refusalExits(async () => {
    const { claim, deliveries } = await app
      .get(DigestRunnerService)
      .send(id.toLowerCase(), { force: options.force, at, trigger: 'cli' });
    process.stdout.write(
      `period ${new Date(claim.periodStart).toISOString()} – ${new Date(claim.periodEnd).toISOString()}: ${claim.status}\n`,
    );
    for (const delivery of deliveries) {
      const retry = delivery.nextAttemptAt
        ? `, next attempt ${new Date(delivery.nextAttemptAt).toISOString()}`
        : '';
      process.stdout.write(
        `  ${delivery.recipient}: ${delivery.status}${retry}${delivery.lastResponse ? ` (${delivery.lastResponse})` : ''}\n`,
      );
    }
    return deliveries.every((delivery) => ['sent', 'skipped'].includes(delivery.status)) ? 0 : 1;
  });
}
