import type { BgNbdParams } from '../math';
import {
  HoldoutCustomer,
  MethodComparison,
  repeatBuyingHoldoutExpectation,
  simpleHoldoutExpectation,
} from './holdout-comparison';

/** Every day is evaluated up to this one, then every `step` days: at most MAX_DAILY_POINTS. */
export const EVERY_DAY_UNTIL = 30;
export const MAX_DAILY_POINTS = 60;

type Summary = HoldoutCustomer['summary'];

/** One expectation per holdout length: E[repeat purchases in the first `days` of the holdout]. */
export type ExpectationAt = (days: number) => (summary: Summary) => number;

/** A customer's holdout purchase days as days after asOf's UTC day (0 when on asOf's day). */
export interface DailyCustomer {
  summary: Summary;
  dayOffsets: readonly number[];
}

export interface DailyPoint {
  day: number;
  /** Cumulative expected repeat purchases by `day`, all customers. */
  fitted: number;
  simple: number;
  /** Repeat purchase days by asOf's day + `day`, all customers. */
  actual: number;
}

export interface DailyCheck {
  step: number;
  everyDayUntil: number;
  points: DailyPoint[];
}

/**
 * The days evaluated: 1 to 30, then every `step` days, and always the last day, ceil(holdoutDays)
 * (its expectations are taken at holdoutDays itself, so that it equals the totals).
 */
export function dailyCheckDays(holdoutDays: number): { step: number; days: number[] } {
  const lastDay = Math.max(1, Math.ceil(holdoutDays - 1e-9));
  const step =
    lastDay <= MAX_DAILY_POINTS
      ? 1
      : Math.ceil((lastDay - EVERY_DAY_UNTIL) / (MAX_DAILY_POINTS - EVERY_DAY_UNTIL));
  const days: number[] = [];
  for (let day = 1; day < lastDay; day += day < EVERY_DAY_UNTIL ? 1 : step) days.push(day);
  days.push(lastDay);
  return { step, days };
}

/** The expectation a method's column uses, at any length of the holdout. */
export function expectationOf(
  method: MethodComparison['method'],
  params: BgNbdParams | null,
): ExpectationAt {
  if (method === 'simple' || !params) return simpleHoldoutExpectation;
  return (days) => repeatBuyingHoldoutExpectation(params, days, method);
}

/**
 * Cumulative expected (fitted model and simple formula) against actual repeat purchases through
 * the holdout. Customers with the same history share one evaluation.
 */
export function dailyCheck(
  customers: readonly DailyCustomer[],
  holdoutDays: number,
  fitted: ExpectationAt,
  simple: ExpectationAt,
): DailyCheck {
  const { step, days } = dailyCheckDays(holdoutDays);
  const groups = new Map<string, { summary: Summary; customers: number }>();
  const purchasesByOffset = new Map<number, number>();
  for (const customer of customers) {
    const { x, tx, T, purchaseDays } = customer.summary;
    const key = `${x}|${tx}|${T}|${purchaseDays}`;
    const group = groups.get(key);
    if (group) group.customers += 1;
    else groups.set(key, { summary: customer.summary, customers: 1 });
    for (const offset of customer.dayOffsets)
      purchasesByOffset.set(offset, (purchasesByOffset.get(offset) ?? 0) + 1);
  }
  const offsets = [...purchasesByOffset.keys()].sort((a, b) => a - b);
  let offsetIndex = 0;
  let actual = 0;
  const points = days.map((day) => {
    while (offsetIndex < offsets.length && offsets[offsetIndex] <= day)
      actual += purchasesByOffset.get(offsets[offsetIndex++]) as number;
    const at = Math.min(day, holdoutDays);
    const fittedAt = fitted(at);
    const simpleAt = simple(at);
    let fittedTotal = 0;
    let simpleTotal = 0;
    for (const group of groups.values()) {
      fittedTotal += group.customers * fittedAt(group.summary);
      simpleTotal += group.customers * simpleAt(group.summary);
    }
    return { day, fitted: fittedTotal, simple: simpleTotal, actual };
  });
  return { step, everyDayUntil: EVERY_DAY_UNTIL, points };
}
