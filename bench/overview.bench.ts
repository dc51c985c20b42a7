/**
 * Latency of the dashboard's Overview on the generated brand (bench/generated-brand.ts, MEMBERS
 * members, default 100,000), in two parts, each next to a baseline measured in this process:
 *  1. the community-metrics request the page makes (its default: the last 30 days by day) and
 *     the other presets and filters, p50/p99 over REQUESTS requests, against GET /health;
 *  2. the page in Debian's Chromium (playwright-core, /usr/bin/chromium): from navigation start
 *     to the moment the page marks its measures drawn (#measures[data-state="ready"]), p50/p99
 *     over RUNS loads, against loading the sign-in page to its form.
 * It also prints the query plans of the statements behind the default request.
 * Run: MEMBERS=100000 npx ts-node --transpile-only bench/overview.bench.ts
 */
import 'reflect-metadata';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { monthStarts } from '../src/advocates/metrics/cohort-retention';
import { CommunitySql } from '../src/advocates/metrics/community-counts.loader';
import { previousWindow, splitPeriod } from '../src/advocates/metrics/intervals';
import { segmentWindows } from '../src/advocates/metrics/window-segments';
import { launchChromium } from '../test/support/chromium';
import {
  ADMIN_KEY,
  DAY,
  TODAY,
  latency,
  percentile,
  prepareBrand,
  serveBrand,
} from './generated-brand';

// Browser globals inside page.waitForFunction callbacks (the project has no DOM lib).
declare const document: any;
declare const performance: { now(): number };

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 50);
const RUNS = Number(process.env.RUNS ?? 30);
const day = (offset: number) => new Date(TODAY + offset * DAY).toISOString().slice(0, 10);
/** What the page asks for by default: the last 30 days, today included, by day. */
const OVERVIEW = { from: day(-29), to: day(1), interval: 'day' };

async function printPlans(dataSource: Awaited<ReturnType<typeof prepareBrand>>['dataSource']) {
  const from = Date.parse(OVERVIEW.from);
  const to = Date.parse(OVERVIEW.to);
  const windows = [
    { start: from, end: to },
    { start: from - (to - from), end: from },
    ...splitPeriod(from, to, 'day').flatMap((window) => [window, previousWindow(window, 'day')]),
  ];
  const sql = new CommunitySql(segmentWindows(windows, monthStarts(from, to)), {});
  for (const [name, statement] of sql.statements()) {
    const [text, values] = dataSource.driver.escapeQueryWithParameters(statement, sql.parameters);
    const plan = await dataSource.query(`EXPLAIN QUERY PLAN ${text}`, values);
    console.log(`plan of ${name}:`, plan.map((row: { detail: string }) => row.detail).join(' | '));
  }
}

/** Milliseconds from navigation start until the page shows what `ready` waits for. */
async function pageLoad(page: Page, url: string, ready: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // Polled every frame, and read in the page, so that the figure is the page's own clock.
  const handle = await page.waitForFunction(
    (selector: string) => (document.querySelector(selector) ? performance.now() : 0),
    ready,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function browserLatency(context: BrowserContext, url: string, ready: string) {
  const page = await context.newPage();
  for (let warmup = 0; warmup < 3; warmup += 1) await pageLoad(page, url, ready);
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run += 1) samples.push(await pageLoad(page, url, ready));
  await page.close();
  const round = (value: number) => Number(value.toFixed(1));
  return { p50: round(percentile(samples, 0.5)), p99: round(percentile(samples, 0.99)) };
}

async function main(): Promise<void> {
  const { sqlitePath, dataSource } = await prepareBrand(MEMBERS);
  await printPlans(dataSource);
  await dataSource.destroy();
  const { app, url } = await serveBrand(sqlitePath);
  const auth = { Authorization: `Bearer ${ADMIN_KEY}` };
  const report = (name: string, result: object) =>
    console.log(name.padEnd(70), JSON.stringify(result));

  const health = await latency(`${url}/health`, {}, REQUESTS * 4);
  report('GET /health (baseline)', health);
  const query = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ ...OVERVIEW, ...extra }).toString();
  for (const [name, search] of [
    ['overview default: last 30 days by day', query()],
    ['last 90 days by week', query({ from: day(-89), interval: 'week' })],
    ['last 12 months by month', query({ from: day(-365), interval: 'month' })],
    ['last 30 days, tag=vip', query({ tag: 'vip' })],
    ['last 30 days, platform=instagram', query({ platform: 'instagram' })],
  ]) {
    const result = await latency(`${url}/api/v1/metrics/community?${search}`, auth, REQUESTS);
    report(`metrics, ${name}`, { ...result, p50VsHealth: Math.round(result.p50 / health.p50) });
  }

  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const viewport = { viewport: { width: 1280, height: 900 }, locale: 'en-US', timezoneId: 'UTC' };
    const anonymous = await browser.newContext(viewport);
    const signIn = await browserLatency(anonymous, `${url}/`, '#api-key');
    report('browser: sign-in page to its form (baseline)', signIn);
    const signedIn = await browser.newContext(viewport);
    const session = await signedIn.request.post(`${url}/api/v1/session`, {
      data: { key: ADMIN_KEY },
    });
    if (session.status() !== 201) throw new Error(`sign-in failed: ${session.status()}`);
    const overview = await browserLatency(
      signedIn,
      `${url}/#/overview`,
      '#measures[data-state="ready"]',
    );
    report('browser: overview to its measures drawn', {
      ...overview,
      p50VsSignIn: Number((overview.p50 / signIn.p50).toFixed(1)),
    });
  } finally {
    await browser?.close();
    await app.close();
  }
}

void main();
