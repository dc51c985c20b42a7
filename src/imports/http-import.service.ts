import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request } from 'express';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { ImportPipeline } from './import-pipeline.service';
import { importRequestFormat } from './import-request';
import { csvReadOptions } from './csv-request-options';
import { ImportLeases } from './import-leases';
import { ImportResult } from './import-result';
import { ImportSlots } from './import-slots';
import { ImportWorkers } from './worker/import-workers.service';

/**
 * Runs the import an HTTP request carries. A body declared smaller than `imports.workerMinBytes`
 * imports on the main thread, where it is over before a worker would have started; a larger
 * or chunked one (its size unknown) imports in a worker thread, so that the API, /health and
 * the crons keep answering meanwhile. Both answer the same.
 */
@Injectable()
export class HttpImportService {
  private readonly slots: ImportSlots;

  constructor(
    private readonly pipeline: ImportPipeline,
    private readonly workers: ImportWorkers,
    private readonly settings: HaloSettings,
    @InjectDataSource() dataSource: DataSource,
  ) {
    this.slots = new ImportSlots(
      () => this.settings.imports.maxConcurrent,
      new ImportLeases(dataSource),
    );
  }

  /** HTTP imports this instance is running now (the System page shows them). */
  running(): { running: number; maxConcurrent: number } {
    return { running: this.slots.active, maxConcurrent: this.settings.imports.maxConcurrent };
  }

  async run(type: string, request: Request): Promise<ImportResult> {
    const maxBytes = this.settings.server.importMaxBytes;
    const format = importRequestFormat(request, maxBytes);
    const csv = csvReadOptions(request.query, format);
    // An unknown type is a 404 before a worker is started for it.
    this.pipeline.importer(type);
    return this.slots.run(request.res, () => {
      const declared = Number(request.headers['content-length']);
      if (declared < this.settings.imports.workerMinBytes)
        return this.pipeline.run(type, format, request, { maxBytes, csv });
      return this.workers.run({ type, format, maxBytes, csv }, request);
    });
  }
}
