import { Module, OnModuleInit } from '@nestjs/common';
import { MembersModule } from '../members/members.module';
import { MembersService } from '../members/members.service';
import { PurchasesModule } from '../purchases/purchases.module';
import { PurchasesService } from '../purchases/purchases.service';
import { ImportPipeline } from './import-pipeline.service';
import { ImportRegistry } from './import-registry';
import { membersImporter } from './importers/members.importer';
import { purchasesImporter } from './importers/purchases.importer';
import { ImportsController } from './imports.controller';

/** POST /api/v1/import/:type and the pipeline behind it (also used by the CLI). */
@Module({
  imports: [MembersModule, PurchasesModule],
  controllers: [ImportsController],
  providers: [ImportPipeline],
  exports: [ImportPipeline],
})
export class ImportsModule implements OnModuleInit {
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
