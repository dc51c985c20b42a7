import { DataSource } from 'typeorm';
import { HaloSettings } from '../../config/halo-settings';
import { ValuationPlan } from '../engine/compute-values';
import { BrandInputs } from '../value-inputs.loader';
import { ChunkLeases } from './chunk-leases';
import { MemberRange } from '../../database/member-range';
import { ValueRunPlan } from './value-run-chunk.entity';

/** The settings that decide a member's value: the run's, whichever instance values a chunk. */
export type PlanSettings = Pick<HaloSettings, 'value' | 'money' | 'advocates'>;

/**
 * What every chunk of one run is valued with: the model fitted and the influence calibrated
 * once on the whole brand, the brand-wide inputs, and the settings of the instance that
 * started the run. Stored as JSON beside the run so that any instance can value its chunks.
 */
export interface RecomputePlan {
  runId: string;
  asOf: number;
  asOfDate: string;
  settings: PlanSettings;
  valuation: ValuationPlan;
  brand: BrandInputs;
}

/** The plan and the run's chunks, in one transaction: a chunk is never seen without its plan. */
export async function storePlan(
  dataSource: DataSource,
  leases: ChunkLeases,
  plan: RecomputePlan,
  ranges: MemberRange[],
): Promise<RecomputePlan> {
  const json = JSON.stringify(plan);
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(ValueRunPlan).insert({ runId: plan.runId, plan: json });
    await leases.create(manager, plan.runId, ranges);
  });
  // Every chunk, this instance's too, is valued with the plan as stored (JSON drops nothing a
  // prediction reads, but one copy for all keeps them equal by construction).
  return JSON.parse(json) as RecomputePlan;
}

export async function loadPlan(
  dataSource: DataSource,
  runId: string,
): Promise<RecomputePlan | null> {
  const row = await dataSource.getRepository(ValueRunPlan).findOneBy({ runId });
  return row && (JSON.parse(row.plan) as RecomputePlan);
}
