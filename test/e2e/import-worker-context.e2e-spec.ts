import { INestApplicationContext, Type } from '@nestjs/common';
import { ModulesContainer, NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../../src/config/halo-settings';
import { DigestSchedulerService } from '../../src/digests/digest-scheduler.service';
import { ImportPipeline } from '../../src/imports/import-pipeline.service';
import { ImportRegistry } from '../../src/imports/import-registry';
import { ImportWorkerModule } from '../../src/import-worker.module';
import { IdentitiesService } from '../../src/members/identities.service';
import { MemberMergeService } from '../../src/members/member-merge.service';
import { MembersService } from '../../src/members/members.service';
import { PurchasesService } from '../../src/purchases/purchases.service';
import { ValueScheduleService } from '../../src/value/value-schedule.service';
import { TestApp, createTestApp } from '../support/test-app';

/** The services whose listeners other modules register (referral links, review checks, ...). */
const LISTENED_TO: Type[] = [
  PurchasesService,
  MembersService,
  IdentitiesService,
  MemberMergeService,
];

const listenerCount = (context: INestApplicationContext, service: Type) =>
  (context.get(service) as unknown as { listeners: unknown[] }).listeners.length;

/**
 * The import worker's application context, started here on the main thread to look inside: only
 * what imports need, with the same importers and listeners as the app, and nothing that runs
 * by itself.
 */
describe('the import worker application context', () => {
  let test: TestApp;
  let worker: INestApplicationContext;
  beforeAll(async () => {
    test = await createTestApp();
    // Settings as the worker gets them: a structured clone, no class left.
    const settings = structuredClone(test.app.get(HaloSettings));
    worker = await NestFactory.createApplicationContext(ImportWorkerModule.forSettings(settings), {
      logger: ['error', 'warn'],
    });
  });
  afterAll(async () => {
    await worker.close();
    await test.close();
  });

  it('has no scheduler, no controller and no guard', () => {
    expect(() => worker.get(ValueScheduleService)).toThrow();
    expect(() => worker.get(DigestSchedulerService)).toThrow();
    const modules = [...worker.get(ModulesContainer).values()];
    expect(modules.map((module) => module.name)).toEqual(
      expect.arrayContaining(['MembersModule', 'ReferralsModule', 'ImportPipelineModule']),
    );
    for (const module of modules) {
      expect({ module: module.name, controllers: module.controllers.size }).toEqual({
        module: module.name,
        controllers: 0,
      });
      expect({ module: module.name, injectables: [...module.injectables.keys()] }).toEqual({
        module: module.name,
        injectables: [],
      });
    }
    const names = modules.map((module) => module.name);
    for (const absent of ['ValueModule', 'DigestsModule', 'DashboardModule', 'AuthModule'])
      expect(names).not.toContain(absent);
  });

  it('registers every import type the app has, with the same listeners on the services', () => {
    expect(worker.get(ImportRegistry).types()).toEqual(test.app.get(ImportRegistry).types());
    for (const service of LISTENED_TO)
      expect({ service: service.name, listeners: listenerCount(worker, service) }).toEqual({
        service: service.name,
        listeners: listenerCount(test.app, service),
      });
  });

  it('works on the database and the settings it was given', () => {
    const own = worker.get(DataSource);
    expect(own).not.toBe(test.app.get(DataSource));
    expect(own.options).toMatchObject(
      test.database.kind === 'sqlite'
        ? { database: test.database.environment.SQLITE_PATH }
        : { url: test.database.environment.DATABASE_URL },
    );
    expect(worker.get(HaloSettings).imports).toEqual(test.app.get(HaloSettings).imports);
    expect(worker.get(ImportPipeline).types()).toContain('mentions');
  });
});
