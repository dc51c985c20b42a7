import { INestApplicationContext } from '@nestjs/common';
import { ErasureReapplyService } from '../privacy/erasure-reapply.service';

/**
 * `halo erasures reapply`: erases again every member that a tombstone names, e.g. after a
 * pg_restore of a dump made before some erasures (with their tombstones copied back first; see
 * README). Prints each member erased and what matched; never their email or name.
 */
export async function erasuresReapplyCommand(app: INestApplicationContext): Promise<number> {
  const { tombstones, erased } = await app.get(ErasureReapplyService).reapply();
  for (const { memberId, matchedBy } of erased)
    process.stdout.write(`erased member ${memberId} (matched by ${matchedBy.join(', ')})\n`);
  process.stdout.write(
    `${erased.length} member(s) erased again; ${tombstones} tombstone(s) checked\n`,
  );
  return 0;
}
