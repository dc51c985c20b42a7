import { Module } from '@nestjs/common';
import { HttpImportService } from './http-import.service';
import { ImportPipelineModule } from './import-pipeline.module';
import { ImportColumnsController } from './import-columns.controller';
import { ImportsController } from './imports.controller';
import { ImportRunsController } from './import-runs.controller';
import { ImportRunsRepository } from './runs/import-runs.repository';
import { ImportRunsService } from './runs/import-runs.service';
import { ImportUndoService } from './runs/import-undo.service';
import { ImportWorkers } from './worker/import-workers.service';

/**
 * POST /api/v1/import/:type (small bodies on the main thread, large ones in a worker thread)
 * and the kept reports of imports, /api/v1/imports.
 */
@Module({
  imports: [ImportPipelineModule],
  controllers: [ImportsController, ImportColumnsController, ImportRunsController],
  providers: [
    HttpImportService,
    ImportWorkers,
    ImportRunsRepository,
    ImportRunsService,
    ImportUndoService,
  ],
  exports: [ImportPipelineModule, HttpImportService],
})
export class ImportsModule {}
