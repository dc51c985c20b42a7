import { Global, Module } from '@nestjs/common';
import { SystemChecks } from './system-checks';

/** Global so that any module (webhooks, ...) can register a check without an import cycle. */
@Global()
@Module({ providers: [SystemChecks], exports: [SystemChecks] })
export class SystemChecksModule {}
