/**
 * Times the repeat-buying fits: BG/NBD + Gamma-Gamma on the CDNOW sample (summarised from its
 * raw transactions, in days) and on 100,000 customers simulated from the CDNOW parameters.
 * Every figure is also given as a ratio to a baseline timed in the same process, so runs on
 * machines of different speed compare. Run: npx ts-node bench/fit.bench.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  bgNbdDiscountedMargin,
  conditionalExpectedSpend,
  createBgNbdObjective,
  fitBgNbd,
  fitGammaGamma,
  SeededRandom,
  simulateBgNbd,
  summarizeRepeatBuying,
  type DatedAmount,
} from '../src/value/math';

const REPEATS = 5;
const SYNTHETIC_CUSTOMERS = 100_000;
const VALUED_CUSTOMERS = 10_000;
const CDNOW_DAYS = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

/** Median wall time of fn over REPEATS runs, after one warm-up run, and fn's last result. */
function time<T>(fn: () => T): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  times.sort((left, right) => left - right);
  return { ms: times[Math.floor(REPEATS / 2)], result };
}

/** The baseline: one million logarithms summed in a plain loop. */
function baseline(): number {
  let total = 0;
  for (let i = 1; i <= 1_000_000; i++) total += Math.log(i);
  return total;
}

function findCdnowSample(): string {
  // The vendored fixture, whether run from bench/ or from dist/bench/.
  const candidates = ['..', '../..'].map((relative) =>
    path.resolve(__dirname, relative, 'test/fixtures/cdnow/CDNOW_sample.txt'),
  );
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`CDNOW_sample.txt not found; looked at ${candidates.join(', ')}`);
  return found;
}

function readCdnowPurchases(): DatedAmount[][] {
  const perCustomer = new Map<string, DatedAmount[]>();
  for (const line of fs.readFileSync(findCdnowSample(), 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    const purchases = perCustomer.get(sampleId) ?? [];
    purchases.push({
      occurredAt: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`,
      amountMinor: Math.round(Number(dollars) * 100),
    });
    perCustomer.set(sampleId, purchases);
  }
  return [...perCustomer.values()];
}

function main(): void {
  const base = time(baseline).ms;
  const rows: [string, number, string][] = [];
  const record = (label: string, ms: number, note = '') => rows.push([label, ms, note]);

  const purchases = readCdnowPurchases();
  const summarised = time(() =>
    purchases.map((list) => summarizeRepeatBuying(list, '1997-09-30')).filter((s) => s !== null),
  );
  const cdnow = summarised.result;
  record('CDNOW: summarise 6,919 transactions', summarised.ms, `${cdnow.length} customers`);
  const cdnowBgNbd = time(() => fitBgNbd(cdnow));
  const fit = cdnowBgNbd.result;
  record(
    'CDNOW: BG/NBD fit (days)',
    cdnowBgNbd.ms,
    `r=${fit.r.toFixed(4)} alpha=${fit.alpha.toFixed(3)} a=${fit.a.toFixed(4)} b=${fit.b.toFixed(4)}, ${fit.iterations} iterations`,
  );
  const cdnowGammaGamma = time(() => fitGammaGamma(cdnow));
  const spend = cdnowGammaGamma.result;
  record(
    'CDNOW: Gamma-Gamma fit',
    cdnowGammaGamma.ms,
    `p=${spend.p.toFixed(3)} q=${spend.q.toFixed(3)} gamma=${(spend.gamma / 100).toFixed(3)} dollars`,
  );

  // Whole days, as the app records them, so identical (x, t_x, T) rows merge.
  const random = new SeededRandom(20050101);
  const lengths = Array.from(
    { length: SYNTHETIC_CUSTOMERS },
    () => 183 + Math.floor(random.uniform() * 91),
  );
  const synthetic = simulateBgNbd(CDNOW_DAYS, lengths, random, {
    spend: CDNOW_SPEND,
    resolution: 1,
  });
  const objective = createBgNbdObjective(synthetic);
  const evaluation = time(() => objective.value([0.25, 30, 0.8, 2.4]));
  record(
    '100k: one BG/NBD log-likelihood',
    evaluation.ms,
    `${objective.rows} distinct (x, t_x, T) rows`,
  );
  const syntheticBgNbd = time(() => fitBgNbd(synthetic));
  const bigFit = syntheticBgNbd.result;
  record(
    '100k: BG/NBD fit',
    syntheticBgNbd.ms,
    `r=${bigFit.r.toFixed(4)} alpha=${bigFit.alpha.toFixed(2)} a=${bigFit.a.toFixed(4)} b=${bigFit.b.toFixed(4)}, converged=${bigFit.converged}`,
  );
  const syntheticGammaGamma = time(() => fitGammaGamma(synthetic));
  const bigSpend = syntheticGammaGamma.result;
  const repeatBuyers = synthetic.filter((customer) => customer.x > 0).length;
  record(
    '100k: Gamma-Gamma fit',
    syntheticGammaGamma.ms,
    `${repeatBuyers} repeat buyers, p=${bigSpend.p.toFixed(3)} q=${bigSpend.q.toFixed(3)} gamma=${bigSpend.gamma.toFixed(2)}`,
  );
  record('100k: both fits', syntheticBgNbd.ms + syntheticGammaGamma.ms);

  const valued = synthetic.slice(0, VALUED_CUSTOMERS);
  const valuation = time(() =>
    valued.reduce((total, customer) => {
      const spendPerPurchase = conditionalExpectedSpend(bigSpend, customer.x, customer.zbar);
      const margin = bgNbdDiscountedMargin(bigFit, customer, {
        horizonMonths: 36,
        annualDiscountRate: 0.1,
        margin: 0.3,
        spendPerPurchase,
      });
      return total + margin.presentValue;
    }, 0),
  );
  record(
    '10k: 36-month discounted margin',
    valuation.ms,
    `${((valuation.ms / VALUED_CUSTOMERS) * 1000).toFixed(1)} us a customer`,
  );

  console.log(
    `baseline (1e6 Math.log in a loop): ${base.toFixed(2)} ms; median of ${REPEATS} runs\n`,
  );
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, ms, note] of rows) {
    const ratio = (ms / base).toFixed(1).padStart(8);
    console.log(
      `${label.padEnd(width)}  ${ms.toFixed(1).padStart(9)} ms  ${ratio} x baseline  ${note}`,
    );
  }
}

main();
