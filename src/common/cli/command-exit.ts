import { DomainError } from '../errors/domain-error';

/** EX_USAGE: the command was called wrongly. */
export const USAGE_EXIT = 64;

/** A usage error: its message on stderr, and the exit code that says the call was wrong. */
export function usageError(message: string): number {
  process.stderr.write(`halo: ${message}\n`);
  return USAGE_EXIT;
}

/**
 * Runs a command's work: a domain error (the app refusing, not a fault) becomes its message on
 * stderr and exit code 1; any other error goes on to the caller.
 */
export async function refusalExits(work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`halo: ${error.message}\n`);
    return 1;
  }
}
