import { DataSource } from 'typeorm';
import { ChunkLeases } from './chunk-leases';
import { loadPlan } from './recompute-plan';
import { valueRunChunks } from './value-chunks';

/** Values chunks of another instance's run until every chunk is done; returns how many here. */
export async function helpWithRun(
  dataSource: DataSource,
  runId: string,
  holder: string,
  leaseMs: number,
): Promise<number> {
  const plan = await loadPlan(dataSource, runId);
  if (!plan) return 0;
  let valued = 0;
  await valueRunChunks(dataSource, plan, new ChunkLeases(dataSource, holder, leaseMs), {
    progress: () => (valued += 1),
  });
  return valued;
}
