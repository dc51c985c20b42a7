/**
 * The mean of durations some of which are still running, by Kaplan–Meier (Kaplan & Meier 1958,
 * "Nonparametric estimation from incomplete observations", JASA 53(282)): each ended duration is
 * an event; a running one is known to last at least its length so far (censored there).
 *
 * The mean is the area under the estimated survival curve up to the longest duration seen
 * (the restricted mean; equivalently Efron's convention that the longest one ends there), so it
 * never extrapolates past the history it was measured on. With nothing running it is the plain
 * mean of the durations.
 *
 * A running duration may still end exactly at its length so far (a customer who bought once
 * recently may never buy again), so it leaves the risk set just before the endings of the same
 * length, not after them: it tells only that the duration reached that length.
 */
export class KaplanMeierMean {
  private readonly byLength = new Map<number, { ended: number; running: number }>();
  private endedCount = 0;
  private runningCount = 0;

  /** Adds one duration (≥ 0): `ended` when it is over, else still running at `length`. */
  add(length: number, ended: boolean): void {
    if (!(length >= 0)) throw new RangeError('a duration must be >= 0');
    let counts = this.byLength.get(length);
    if (!counts) this.byLength.set(length, (counts = { ended: 0, running: 0 }));
    if (ended) {
      counts.ended += 1;
      this.endedCount += 1;
    } else {
      counts.running += 1;
      this.runningCount += 1;
    }
  }

  get ended(): number {
    return this.endedCount;
  }

  get running(): number {
    return this.runningCount;
  }

  /** ∫₀^τ Ŝ(t) dt, τ the longest duration added; null when none was. */
  restrictedMean(): number | null {
    if (this.byLength.size === 0) return null;
    const lengths = [...this.byLength.keys()].sort((left, right) => left - right);
    let atRisk = this.endedCount + this.runningCount;
    let surviving = 1;
    let area = 0;
    let previous = 0;
    for (const length of lengths) {
      const { ended, running } = this.byLength.get(length)!;
      area += surviving * (length - previous);
      previous = length;
      atRisk -= running;
      // atRisk ≥ ended here: the endings of this length are still counted in it.
      if (ended > 0) surviving *= 1 - ended / atRisk;
      atRisk -= ended;
    }
    return area;
  }
}
