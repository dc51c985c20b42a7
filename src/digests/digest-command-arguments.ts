import { usageError } from '../common/cli/command-exit';
import { parseIsoInstant } from '../common/dates/iso-date';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the digest commands are given: a subscription and, with --at, the moment to act as of. */
export interface DigestCommandArguments {
  id: string;
  at: number | undefined;
}

/** The `<id>` and `--at` of digest:preview and digest:send, or the usage error's exit code. */
export function digestCommandArguments(
  id: string,
  at: string | undefined,
): DigestCommandArguments | number {
  if (!UUID.test(id)) return usageError('<id> must be a subscription id (UUID)');
  const instant = at === undefined ? undefined : parseIsoInstant(at);
  if (at !== undefined && instant === undefined)
    return usageError('--at must be an ISO 8601 date or date-time with Z or an offset');
  return { id: id.toLowerCase(), at: instant };
}
