import { MergeMover } from '../members/merge-movers';
import { ValueSnapshot } from './value-snapshot.entity';

/** Values are recomputed for the survivor; the pointer's snapshots would only double count. */
export const valueSnapshotMergeMover: MergeMover = {
  name: 'valueSnapshots',
  move: async (manager, _survivor, other) => {
    const snapshots = await manager.delete(ValueSnapshot, { memberId: other.id });
    return { dropped: { valueSnapshots: snapshots.affected ?? 0 } };
  },
};
