import { Test } from '@nestjs/testing';
import { ScheduleModule, SchedulerRegistry } from '@nestjs/schedule';
import { LeaseService } from '../lease.service';
import { LeasedJobsService, scheduledSlot } from './leased-jobs.service';

/** Leases held in memory: a name is taken until the end of its ttl. */
class LeasesInMemory {
  readonly taken = new Map<string, number>();
  readonly requests: { name: string; ttlMs: number; now?: number }[] = [];

  acquire(name: string, ttlMs: number, now?: number): Promise<boolean> {
    this.requests.push({ name, ttlMs, now });
    if (this.taken.has(name)) return Promise.resolve(false);
    this.taken.set(name, ttlMs);
    return Promise.resolve(true);
  }
}

describe('LeasedJobsService', () => {
  const build = async () => {
    const leases = new LeasesInMemory();
    const module = await Test.createTestingModule({
      imports: [ScheduleModule.forRoot()],
      providers: [LeasedJobsService, { provide: LeaseService, useValue: leases }],
    }).compile();
    await module.init();
    return { module, leases, jobs: module.get(LeasedJobsService) };
  };

  it('names a firing after its UTC minute', () => {
    expect(scheduledSlot(new Date('2026-11-23T02:00:41.5+01:00'))).toBe('2026-11-23T01:00');
  });

  it('runs a firing once per lease named after the job and the scheduled minute', async () => {
    const { module, leases, jobs } = await build();
    const slots: string[] = [];
    const task = (slot: string) => {
      slots.push(slot);
      return Promise.resolve();
    };
    const at = new Date('2026-11-23T02:00:07Z');
    expect(await jobs.runOnce('nightly', at, { leaseMs: 5_000, now: 42 }, task)).toBe('ran');
    expect(await jobs.runOnce('nightly', at, { leaseMs: 5_000 }, task)).toBe('skipped');
    expect(
      await jobs.runOnce('nightly', new Date('2026-11-23T02:01:00Z'), { leaseMs: 5_000 }, task),
    ).toBe('ran');
    expect(slots).toEqual(['2026-11-23T02:00', '2026-11-23T02:01']);
    expect(leases.requests[0]).toEqual({ name: 'nightly@2026-11-23T02:00', ttlMs: 5_000, now: 42 });
    await module.close();
  });

  it('registers a started UTC cron job that stops when the application shuts down', async () => {
    const { module, jobs } = await build();
    jobs.schedule('nightly', '0 2 * * *', () => Promise.resolve());
    const job = module.get(SchedulerRegistry).getCronJob('nightly');
    expect(job.isActive).toBe(true);
    expect(job.cronTime.timeZone).toBe('UTC');
    expect(job.nextDate().toUTC().toISO()).toMatch(/T02:00:00\.000Z$/);
    await module.close();
    expect(job.isActive).toBe(false);
  });
});
