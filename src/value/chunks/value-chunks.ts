import { DataSource } from 'typeorm';
import { collectGarbageInWorker } from '../../common/workers/collect-garbage';
import { assessAdvocates, summarizeActivity } from '../../advocates/advocate-assessment';
import { coefficientsFrom } from '../coefficients';
import { valueMembers } from '../engine/compute-values';
import { Progress, writeSnapshots } from '../snapshot-writer';
import { ValueInputsLoader } from '../value-inputs.loader';
import { ChunkLeaseLostError, ChunkLeases } from './chunk-leases';
import { KeptBrandInputs } from './kept-brand-inputs';
import { RecomputePlan } from './recompute-plan';
import { ValueRunChunk } from './value-run-chunk.entity';

/** How often an instance waiting for chunks held elsewhere looks again. */
const WAIT_MS = 250;

/**
 * Values one chunk with the run's plan: reads its members' inputs, values and assesses them and
 * writes their snapshot rows with the chunk marked done, holding the chunk's lease throughout.
 * Returns the members valued.
 */
export async function valueChunk(
  dataSource: DataSource,
  plan: RecomputePlan,
  chunk: ValueRunChunk,
  leases: ChunkLeases,
  kept?: KeptBrandInputs,
): Promise<number> {
  const range = { from: chunk.fromMemberId, to: chunk.toMemberId };
  const { settings, asOf } = plan;
  const stopRenewing = leases.keep(chunk);
  try {
    const inputs = await new ValueInputsLoader(dataSource, range).load(
      asOf,
      settings.value,
      plan.brand,
      kept,
    );
    const activity = await summarizeActivity(
      dataSource,
      settings.advocates.engagement,
      asOf,
      range,
    );
    // The rows the inputs were built from are garbage before the values are.
    collectGarbageInWorker();
    const values = valueMembers(
      inputs,
      plan.valuation,
      coefficientsFrom(settings),
      settings.value.driversPerMember,
    );
    const assessments = assessAdvocates(
      settings.advocates,
      settings.money.baseCurrency,
      asOf,
      values,
      activity,
    );
    await writeSnapshots(
      dataSource,
      {
        runId: plan.runId,
        asOf,
        asOfDate: plan.asOfDate,
        currency: settings.money.baseCurrency,
        values,
        assessments,
      },
      leases.completion(chunk, values.length),
    );
    return values.length;
  } finally {
    stopRenewing();
  }
}

/**
 * Values the run's chunks that nobody holds, then waits for those other instances hold, taking
 * over any whose lease expires, until every chunk is done or the run no longer runs (failed).
 * Every instance on the run does this, its owner and its helpers alike. A chunk that fails here
 * is given back and the error thrown: the run's owner fails the run, a helper stops helping it.
 */
export async function valueRunChunks(
  dataSource: DataSource,
  plan: RecomputePlan,
  leases: ChunkLeases,
  options: { progress?: Progress; kept?: KeptBrandInputs } = {},
): Promise<void> {
  const progress = options.progress ?? (() => undefined);
  for (;;) {
    const chunk = await leases.claim(plan.runId);
    if (chunk) {
      try {
        await valueChunk(dataSource, plan, chunk, leases, options.kept);
      } catch (error) {
        // Another instance values it now; its rows were not written.
        if (error instanceof ChunkLeaseLostError) continue;
        await leases.release(chunk).catch(() => undefined);
        throw error;
      }
      // The chunk's inputs, values and breakdowns are garbage now: collected before the next
      // chunk's pile up on them (bounds the worker's memory by about one chunk).
      collectGarbageInWorker();
      const state = await leases.progress(plan.runId);
      progress('value', state.chunks - state.pending, state.chunks);
      continue;
    }
    const state = await leases.progress(plan.runId);
    if (state.pending === 0 || !state.running) return;
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}
