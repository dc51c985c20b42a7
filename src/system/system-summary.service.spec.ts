import { Logger } from '@nestjs/common';
import { HaloSettings } from '../config/halo-settings';
import { SystemCheck, SystemCheckResult } from './system-check';
import { SystemChecks } from './system-checks';
import { SystemSummaryService, describeReason } from './system-summary.service';

/** A check that answers what it is given, and counts its runs. */
class FixedCheck implements SystemCheck {
  runs = 0;
  constructor(
    readonly name: string,
    private readonly answer: () => SystemCheckResult,
  ) {}
  run(): Promise<SystemCheckResult> {
    this.runs += 1;
    return Promise.resolve().then(this.answer);
  }
  describe(reason: { code: string }): string {
    return `${this.name} says ${reason.code}`;
  }
}

const settings = { system: { summaryCacheSeconds: 15 } } as HaloSettings;

function service(...checks: SystemCheck[]): SystemSummaryService {
  const registry = new SystemChecks();
  for (const check of checks) registry.register(check);
  return new SystemSummaryService(registry, settings);
}

describe('SystemSummaryService', () => {
  // The failing check is logged as an error: expected here, not worth printing.
  beforeAll(() => Logger.overrideLogger(false));

  it('is ok when no check gives a reason, with each check’s details under its name', async () => {
    const summary = await service(
      new FixedCheck('database', () => ({ details: { kind: 'sqlite' }, reasons: [] })),
      new FixedCheck('imports', () => ({ details: { running: 0 }, reasons: [] })),
    ).summary(0, 1_000);
    expect(summary).toMatchObject({
      status: 'ok',
      checkedAt: 1_000,
      sections: { database: { kind: 'sqlite' }, imports: { running: 0 } },
      reasons: [],
    });
    expect(summary.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('is degraded by any reason, and a check that throws is a reason of its own', async () => {
    const digests = new FixedCheck('digests', () => ({
      details: {},
      reasons: [{ code: 'DIGEST_FAILURES', params: { count: 2, hours: 24 } }],
    }));
    const broken = new FixedCheck('webhooks', () => {
      throw new Error('table missing');
    });
    const summary = await service(digests, broken).summary(0);
    expect(summary.status).toBe('degraded');
    expect(summary.sections.webhooks).toEqual({ error: 'the check could not run' });
    expect(summary.reasons.map((reason) => describeReason(reason, 'en'))).toEqual([
      { code: 'DIGEST_FAILURES', check: 'digests', text: 'digests says DIGEST_FAILURES' },
      { code: 'CHECK_FAILED', check: 'webhooks', text: 'webhooks says CHECK_FAILED' },
    ]);
  });

  it('reuses a summary younger than the age asked for, and shares one computation', async () => {
    const check = new FixedCheck('database', () => ({ details: {}, reasons: [] }));
    const summaries = service(check);
    const [first, second] = await Promise.all([summaries.summary(0, 0), summaries.summary(0, 0)]);
    expect(second).toBe(first);
    expect(check.runs).toBe(1);
    expect(await summaries.summary(15_000, 15_000)).toBe(first);
    expect(check.runs).toBe(1);
    const third = await summaries.summary(15_000, 15_001);
    expect(third).not.toBe(first);
    expect(check.runs).toBe(2);
  });

  it('refuses a check registered twice under one name', () => {
    const check = new FixedCheck('database', () => ({ details: {}, reasons: [] }));
    expect(() => service(check, check)).toThrow('system check database is registered twice');
  });
});
