import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MembersModule } from '../members/members.module';
import { MembersService } from '../members/members.service';
import { PurchasesModule } from '../purchases/purchases.module';
import { PurchasesService } from '../purchases/purchases.service';
import { ImportPipeline } from './import-pipeline.service';
import { ImportRegistry } from './import-registry';
import { membersImporter } from './importers/members.importer';
import { purchasesImporter } from './importers/purchases.importer';
import { ImportRunError } from './runs/import-run-error.entity';
import { ImportRunRecord } from './runs/import-run-record.entity';
import { ImportRun } from './runs/import-run.entity';

/**
 * The import pipeline and the importers of members and purchases, without HTTP: the app (its
 * controller and the CLI) and the import worker's application context both import it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ImportRun, ImportRunError, ImportRunRecord]),
    MembersModule,
    PurchasesModule,
  ],
  providers: [ImportPipeline],
  exports: [ImportPipeline],
})
export class ImportPipelineModule implements OnModuleInit {
  constructor(
    private readonly registry: ImportRegistry,
    private readonly members: MembersService,
    private readonly purchases: PurchasesService,
  ) {}

  onModuleInit(): void {
    this.registry.register(membersImporter(this.members));
    this.registry.register(purchasesImporter(this.purchases));
  }
}
