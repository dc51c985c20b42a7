import { INestApplicationContext } from '@nestjs/common';
import { parseIsoInstant } from '../common/dates/iso-date';
import { refusalExits, usageError } from '../common/cli/command-exit';
import { DigestRunnerService } from './delivery/digest-runner.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `digest:preview <id>`: the last completed period on stdout, as text (default) or HTML. */
export async function digestPreviewCommand(
  app: INestApplicationContext,
  id: string,
  options: { format?: string; at?: string },
): Promise<number> {
  const format = options.format ?? 'text';
  const at = options.at === undefined ? undefined : parseIsoInstant(options.at);
  if (!UUID.test(id)) return usageError('<id> must be a subscription id (UUID)');
  if (format !== 'text' && format !== 'html') return usageError('--format must be text or html');
  if (options.at !== undefined && at === undefined)
    return usageError('--at must be an ISO 8601 date or date-time with Z or an offset');
  return refusalExits(async () => {
    const { period, rendered, wouldSkip } = await app
      .get(DigestRunnerService)
      .preview(id.toLowerCase(), at);
    process.stderr.write(
      `${rendered.subject}\nperiod ${new Date(period.start).toISOString()} – ${new Date(period.end).toISOString()}${wouldSkip ? ' (nothing to report: a send would skip it)' : ''}\n`,
    );
    process.stdout.write(format === 'html' ? rendered.html : rendered.text);
    return 0;
  });
}
