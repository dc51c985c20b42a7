import { Global, Module } from '@nestjs/common';
import { ImportRegistry } from './import-registry';

/** Global so that every feature module can register its importer without import cycles. */
@Global()
@Module({ providers: [ImportRegistry], exports: [ImportRegistry] })
export class ImportRegistryModule {}
