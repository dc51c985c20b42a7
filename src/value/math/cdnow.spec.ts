import * as fs from 'fs';
import { CDNOW_SAMPLE_FILE, CDNOW_SUMMARY_FILE } from '../../../test/fixtures/cdnow';
import { fitBgNbd } from './bg-nbd';
import { fitGammaGamma } from './gamma-gamma';
import { summarizeRepeatBuying, type DatedAmount } from './repeat-buying-summary';

// Vendored public data: test/fixtures/cdnow (README.md there cites its source).
const SUMMARY_FILE = CDNOW_SUMMARY_FILE;
const SAMPLE_FILE = CDNOW_SAMPLE_FILE;

// Published fits on this sample (weeks): BG/NBD in Fader, Hardie & Lee (2005), Gamma-Gamma as
// reproduced by the lifetimes package.
const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GAMMA_GAMMA = { p: 6.25, q: 3.74, gamma: 15.44 };
// The modified BG/NBD (Batislam et al. 2007) on the same sample, from the reference library's
// tests (lifetimes' ModifiedBetaGeoFitter).
const MODIFIED_BG_NBD = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const TOLERANCE = 0.005;

interface SummaryRow {
  id: number;
  x: number;
  tx: number;
  T: number;
  zbar: number;
}

function readSummary(): SummaryRow[] {
  const [header, ...lines] = fs.readFileSync(SUMMARY_FILE, 'utf8').trim().split(/\r?\n/);
  expect(header).toBe('ID,x,t_x,T,zbar');
  return lines.map((line) => {
    const [id, x, tx, T, zbar] = line.split(',').map(Number);
    return { id, x, tx, T, zbar };
  });
}

/** Purchases per sample id from the raw sample: master id, sample id, YYYYMMDD, CDs, dollars. */
function readSample(): Map<number, DatedAmount[]> {
  const purchases = new Map<number, DatedAmount[]>();
  for (const line of fs.readFileSync(SAMPLE_FILE, 'utf8').split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const [, sampleId, date, , dollars] = line.trim().split(/\s+/);
    const occurredAt = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}`;
    const list = purchases.get(Number(sampleId)) ?? [];
    list.push({ occurredAt, amountMinor: Math.round(Number(dollars) * 100) });
    purchases.set(Number(sampleId), list);
  }
  return purchases;
}

function expectWithin(actual: number, expected: number, tolerance = TOLERANCE): void {
  expect(Math.abs(actual - expected) / expected).toBeLessThanOrEqual(tolerance);
}

describe('CDNOW sample (real data)', () => {
  it('has its data files (CI always does)', () => {
    expect(fs.existsSync(SUMMARY_FILE)).toBe(true);
    expect(fs.existsSync(SAMPLE_FILE)).toBe(true);
  });

  it('fits the published BG/NBD parameters in weeks within 0.5 %', () => {
    const rows = readSummary();
    expect(rows).toHaveLength(2357);
    const fit = fitBgNbd(rows);
    expect(fit.converged).toBe(true);
    expectWithin(fit.r, BG_NBD.r);
    expectWithin(fit.alpha, BG_NBD.alpha);
    expectWithin(fit.a, BG_NBD.a);
    expectWithin(fit.b, BG_NBD.b);
    // The paper's log-likelihood at the optimum is -9582.4.
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('fits the reference modified BG/NBD parameters in weeks within 0.5 %', () => {
    const rows = readSummary();
    const fit = fitBgNbd(rows, {}, 'mbgnbd');
    expect(fit.converged).toBe(true);
    expectWithin(fit.r, MODIFIED_BG_NBD.r);
    expectWithin(fit.alpha, MODIFIED_BG_NBD.alpha);
    expectWithin(fit.a, MODIFIED_BG_NBD.a);
    expectWithin(fit.b, MODIFIED_BG_NBD.b);
    // Its maximum log-likelihood is within a fraction of BG/NBD's -9582.4: on CDNOW the two fit
    // the calibration data equally well, which is why Halo chooses between them on a holdout.
    expect(Math.abs(fit.logLikelihood - -9582.4)).toBeLessThan(1);
  });

  it('fits the published Gamma-Gamma parameters on the repeat buyers within 0.5 %', () => {
    const repeatBuyers = readSummary().filter((row) => row.x > 0);
    expect(repeatBuyers).toHaveLength(946);
    const fit = fitGammaGamma(repeatBuyers);
    expect(fit.converged).toBe(true);
    expectWithin(fit.p, GAMMA_GAMMA.p);
    expectWithin(fit.q, GAMMA_GAMMA.q);
    expectWithin(fit.gamma, GAMMA_GAMMA.gamma);
  });

  describe('summarised from the raw transactions as of 1997-09-30', () => {
    const summaries = () => {
      const purchases = readSample();
      return readSummary().map((row) => ({
        row,
        summary: summarizeRepeatBuying(purchases.get(row.id) ?? [], '1997-09-30'),
      }));
    };

    it('matches the published summary: x and T exactly, t_x and zbar to the cent of a week/dollar', () => {
      const pairs = summaries();
      // Eight customers bought once, for $0.00: a free item is still a purchase, so they are
      // first-time buyers with x = 0, as in the published file.
      const free = [87, 155, 227, 286, 1080, 1195, 1293, 2086];
      expect(
        pairs.filter((pair) => free.includes(pair.row.id)).map((pair) => pair.summary?.x),
      ).toEqual(free.map(() => 0));
      for (const { row, summary } of pairs) {
        if (summary === null) throw new Error(`customer ${row.id} has no summary`);
        expect({ id: row.id, x: summary.x, T: (summary.T / 7).toFixed(2) }).toEqual({
          id: row.id,
          x: row.x,
          T: row.T.toFixed(2),
        });
        expect(Math.abs(summary.tx / 7 - row.tx)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(summary.zbar / 100 - row.zbar)).toBeLessThanOrEqual(0.005 + 1e-9);
      }
    });

    it('fits in days to the weekly parameters, with alpha seven times as large', () => {
      const customers = summaries()
        .map((pair) => pair.summary)
        .filter((summary) => summary !== null);
      const fit = fitBgNbd(customers);
      expect(fit.converged).toBe(true);
      expectWithin(fit.alpha, BG_NBD.alpha * 7);
      expectWithin(fit.r, BG_NBD.r);
      expectWithin(fit.a, BG_NBD.a);
      expectWithin(fit.b, BG_NBD.b);
    });
  });
});
