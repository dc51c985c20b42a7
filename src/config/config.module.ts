import { Global, Module } from '@nestjs/common';
import { HaloSettings } from './halo-settings';
import { loadSettings } from './load-settings';

/**
 * Settings are read when the module is instantiated, not when it is imported, so that a
 * test (or the CLI) can set the environment first. @nestjs/config validates at import time,
 * which is why it is not used here.
 */
@Global()
@Module({
  providers: [{ provide: HaloSettings, useFactory: () => loadSettings(process.env) }],
  exports: [HaloSettings],
})
export class HaloConfigModule {}
