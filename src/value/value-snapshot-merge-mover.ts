import { MergeMover } from '../members/merge-movers';
import { ValueSnapshot } from './value-snapshot.entity';

/** Values are recomputed for the survivor; the pointer's snapshots would only double count. */
export const valueSnapshotMergeMover: MergeMover = {
  name: 'valueSnapshots',
  move: async (manager, survivor, other) => {
    const snapshots = await manager.delete(ValueSnapshot, { memberId: other.id });
    // An objection to profiling passes to the survivor with the merge: its snapshots go too.
    if (survivor.profilingObjectionAt !== null || other.profilingObjectionAt !== null)
      await manager.delete(ValueSnapshot, { memberId: survivor.id });
    return { dropped: { valueSnapshots: snapshots.affected ?? 0 } };
  },
};
