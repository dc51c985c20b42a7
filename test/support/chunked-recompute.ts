import { DataSource } from 'typeorm';
import { assessAdvocates, summarizeActivity } from '../../src/advocates/advocate-assessment';
import { HaloSettings } from '../../src/config/halo-settings';
import { rawQuery } from '../../src/database/sql';
import { coefficientsFrom } from '../../src/value/coefficients';
import { computeValues } from '../../src/value/engine/compute-values';
import { decideSpendModel } from '../../src/value/validation/model-choice.job';
import { ValueInputsLoader } from '../../src/value/value-inputs.loader';

/** What a snapshot row says of its member, as compared across the two ways of computing it. */
export interface MemberFigures {
  memberId: string;
  minor: number[];
  method: string;
  pAlive: number | null;
  breakdown: unknown;
  tier: string | null;
  engagement: number;
  lastActivityAt: number | null;
  orderCount: number;
}

/**
 * Every member's figures computed in one pass over all inputs in memory (computeValues and the
 * assessment on everyone's activity), the way recomputes ran before chunks: the reference a
 * chunked run must equal.
 */
export async function valuedInOnePass(
  dataSource: DataSource,
  settings: HaloSettings,
  asOf: number,
): Promise<Map<string, MemberFigures>> {
  const inputs = await new ValueInputsLoader(dataSource).load(asOf, settings.value);
  const result = computeValues(
    inputs,
    coefficientsFrom(settings),
    settings.value.driversPerMember,
    await decideSpendModel(dataSource, settings, asOf),
  );
  const activity = await summarizeActivity(dataSource, settings.advocates.engagement, asOf);
  const assessments = assessAdvocates(
    settings.advocates,
    settings.money.baseCurrency,
    asOf,
    result.values,
    activity,
  );
  // Members who object to profiling are valued with everyone but keep no snapshot.
  const objectors = new Set(
    (
      await rawQuery(dataSource, 'SELECT id FROM members WHERE profiling_objection_at IS NOT NULL')
    ).map((row) => row.string('id')),
  );
  return new Map(
    result.values
      .filter((value) => !objectors.has(value.memberId))
      .map((value) => {
        const assessment = assessments.get(value.memberId)!;
        return [
          value.memberId,
          {
            memberId: value.memberId,
            minor: [
              value.extendedMinor,
              value.spendRealizedMinor,
              value.spendPredictedMinor,
              value.referralMinor,
              value.influenceMeasuredMinor,
              value.influenceModeledMinor,
              value.knowledgeMinor,
            ],
            method: value.method,
            pAlive: value.pAlive,
            breakdown: { byChannel: value.byChannel, drivers: value.drivers },
            tier: assessment.tier,
            engagement: assessment.engagement,
            lastActivityAt: assessment.lastActivityAt,
            orderCount: assessment.orderCount,
          },
        ];
      }),
  );
}

/** The figures a run stored, per member. */
export async function storedFigures(
  dataSource: DataSource,
  runId: string,
): Promise<MemberFigures[]> {
  const rows = await rawQuery(
    dataSource,
    `SELECT member_id, extended_minor, spend_realized_minor, spend_predicted_minor, referral_minor,
            influence_measured_minor, influence_modeled_minor, knowledge_minor, method, p_alive,
            breakdown, tier, engagement, last_activity_at, order_count
       FROM value_snapshot_rows WHERE run_id = :runId`,
    { runId },
  );
  return rows.map((row) => ({
    memberId: row.string('member_id'),
    minor: [
      'extended_minor',
      'spend_realized_minor',
      'spend_predicted_minor',
      'referral_minor',
      'influence_measured_minor',
      'influence_modeled_minor',
      'knowledge_minor',
    ].map((column) => row.number(column)),
    method: row.string('method'),
    pAlive: row.numberOrNull('p_alive'),
    breakdown: JSON.parse(row.string('breakdown')) as unknown,
    tier: row.stringOrNull('tier'),
    engagement: row.number('engagement'),
    lastActivityAt: row.numberOrNull('last_activity_at'),
    orderCount: row.number('order_count'),
  }));
}

/** One row per member, each equal to the one-pass figures (floating figures to 1e-9). */
export function expectSameFigures(
  stored: MemberFigures[],
  expected: Map<string, MemberFigures>,
): void {
  expect(stored.map((row) => row.memberId).sort()).toEqual([...expected.keys()].sort());
  for (const row of stored) {
    const reference = expected.get(row.memberId)!;
    expect({ ...row, pAlive: null, engagement: 0 }).toEqual({
      ...reference,
      pAlive: null,
      engagement: 0,
    });
    if (reference.pAlive === null) expect(row.pAlive).toBeNull();
    else expect(row.pAlive).toBeCloseTo(reference.pAlive, 9);
    expect(row.engagement).toBeCloseTo(reference.engagement, 9);
  }
}
