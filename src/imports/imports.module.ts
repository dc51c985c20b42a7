import { Module } from '@nestjs/common';
import { HttpImportService } from './http-import.service';
import { ImportPipelineModule } from './import-pipeline.module';
import { ImportColumnsController } from './import-columns.controller';
import { ImportsController } from './imports.controller';
import { ImportWorkers } from './worker/import-workers.service';

/** POST /api/v1/import/:type: small bodies on the main thread, large ones in a worker thread. */
@Module({
  imports: [ImportPipelineModule],
  controllers: [ImportsController, ImportColumnsController],
  providers: [HttpImportService, ImportWorkers],
  exports: [ImportPipelineModule, HttpImportService],
})
export class ImportsModule {}
