import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../src/config/halo-settings';
import { LeaseService } from '../../src/database/lease.service';
import { LeasedJobsService } from '../../src/database/scheduling/leased-jobs.service';
import { RecomputeService } from '../../src/value/recompute.service';
import { ValueRun } from '../../src/value/value-run.entity';
import { ValueScheduleService } from '../../src/value/value-schedule.service';
import { TestApp, createTestApp } from '../support/test-app';
import { createMember, createPurchase } from '../support/factories';

describe('scheduled recompute', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    const member = await createMember(test);
    await createPurchase(test, { memberId: member.id });
  });
  afterAll(() => test.close());

  const scheduledRuns = () =>
    test.app.get(DataSource).getRepository(ValueRun).countBy({ trigger: 'schedule' });

  it('runs once per firing across two instances sharing the database', async () => {
    const first = test.app.get(ValueScheduleService);
    // A second instance: its own lease holder, the same database.
    const second = new ValueScheduleService(
      test.app.get(HaloSettings),
      new LeasedJobsService(new SchedulerRegistry(), new LeaseService(test.app.get(DataSource))),
      test.app.get(RecomputeService),
    );
    const at = new Date('2026-11-23T02:00:00Z');
    const outcomes = await Promise.all([first.fire(at), second.fire(at)]);
    expect(outcomes.sort()).toEqual(['ran', 'skipped']);
    expect(await scheduledRuns()).toBe(1);
    // The next day's firing runs again.
    expect(await second.fire(new Date('2026-11-24T02:00:00Z'))).toBe('ran');
    expect(await scheduledRuns()).toBe(2);
  });

  it('lets a lease be taken over only once it has expired', async () => {
    const dataSource = test.app.get(DataSource);
    const one = new LeaseService(dataSource);
    const two = new LeaseService(dataSource);
    const now = Date.now();
    expect(await one.acquire('digest-lock', 1000, now)).toBe(true);
    expect(await two.acquire('digest-lock', 1000, now + 500)).toBe(false);
    expect(await one.acquire('digest-lock', 1000, now + 500)).toBe(true);
    expect(await two.acquire('digest-lock', 1000, now + 2000)).toBe(true);
    await two.release('digest-lock');
    expect(await one.acquire('digest-lock', 1000, now + 2001)).toBe(true);
  });
});
