import { INestApplicationContext } from '@nestjs/common';
import { refusalExits, usageError } from '../common/cli/command-exit';
import { DigestRunnerService } from './delivery/digest-runner.service';
import { digestCommandArguments } from './digest-command-arguments';

/** `digest:preview <id>`: the last completed period on stdout, as text (default) or HTML. */
export async function digestPreviewCommand(
  app: INestApplicationContext,
  id: string,
  options: { format?: string; at?: string },
): Promise<number> {
  const format = options.format ?? 'text';
  const given = digestCommandArguments(id, options.at);
  if (typeof given === 'number') return given;
  if (format !== 'text' && format !== 'html') return usageError('--format must be text or html');
  return refusalExits(async () => {
    const { period, rendered, wouldSkip } = await app
      .get(DigestRunnerService)
      .preview(given.id, given.at);
    process.stderr.write(
      `${rendered.subject}\nperiod ${new Date(period.start).toISOString()} – ${new Date(period.end).toISOString()}${wouldSkip ? ' (nothing to report: a send would skip it)' : ''}\n`,
    );
    process.stdout.write(format === 'html' ? rendered.html : rendered.text);
    return 0;
  });
}
