import { INestApplicationContext } from '@nestjs/common';
import { refusalExits } from '../common/cli/command-exit';
import { DigestRunnerService } from './delivery/digest-runner.service';
import { digestCommandArguments } from './digest-command-arguments';

/**
 * `digest:send <id>`: sends the last completed period now, once per period unless --force.
 * Exit 0 when every recipient got it (or the period was skipped as empty), 1 otherwise.
 */
export async function digestSendCommand(
  app: INestApplicationContext,
  id: string,
  options: { force?: boolean; at?: string },
): Promise<number> {
  const given = digestCommandArguments(id, options.at);
  if (typeof given === 'number') return given;
  return refusalExits(async () => {
    const { claim, deliveries } = await app
      .get(DigestRunnerService)
      .send(given.id, { force: options.force, at: given.at, trigger: 'cli' });
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
