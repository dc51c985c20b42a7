import { AdvocateDto } from '../dto/advocate.dto';
import { resolvePeriod } from './ranking-planner';

/**
 * Why a row of the at-risk segment is in it, by the segment's rule (ranking-sql.ts): its last
 * activity lies in the period before the query's and none came since, else P(alive) is low.
 */
export function atRiskReason(
  row: Pick<AdvocateDto, 'lastActivityAt'>,
  query: { from: string; to: string },
): 'inactive' | 'pAlive' {
  const { from, previousFrom } = resolvePeriod(query, 0);
  const last = row.lastActivityAt === null ? null : Date.parse(row.lastActivityAt);
  return last !== null && last >= previousFrom && last < from ? 'inactive' : 'pAlive';
}
