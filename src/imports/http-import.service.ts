import { CommonErrorCode } from '../common/errors/common-error-code';
import { HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuthenticatedRequest } from '../common/http/authenticated-request';
import { DomainError } from '../common/errors/domain-error';
import { HaloSettings } from '../config/halo-settings';
import { importCharset } from './import-format';
import { settleUnreadBody } from './import-connection';
import { ImportAborted, ImportPipeline } from './import-pipeline.service';
import { importRequestFormat } from './import-request';
import { csvReadOptions } from './csv-request-options';
import { ImportLeases } from './import-leases';
import { ImportResult } from './import-result';
import { ImportSlots } from './import-slots';
import { ImportRunsRepository, importIdTaken } from './runs/import-runs.repository';
import { isUniqueViolation } from '../database/sql';
import { ImportWorkers } from './worker/import-workers.service';

/** An HTTP import's answer: always with the kept run's id. */
export type HttpImportResult = ImportResult & { id: string; dryRun: boolean };

export interface ImportRequestOptions {
  importId?: string;
  dryRun?: boolean;
}

/**
 * Runs the import an HTTP request carries. A body declared smaller than `imports.workerMinBytes`
 * imports on the main thread, where it is over before a worker would have started; a larger
 * or chunked one (its size unknown) imports in a worker thread, so that the API, /health and
 * the crons keep answering meanwhile. Both answer the same, and both keep a report of the run
 * (import_runs). A client that goes away aborts the import at its next row or batch; whatever
 * ends it, the rest of an unread body is dealt with so that the connection stays usable.
 */
@Injectable()
export class HttpImportService {
  private readonly slots: ImportSlots;

  constructor(
    private readonly pipeline: ImportPipeline,
    private readonly workers: ImportWorkers,
    private readonly settings: HaloSettings,
    private readonly runs: ImportRunsRepository,
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

  async run(
    type: string,
    request: AuthenticatedRequest,
    options: ImportRequestOptions = {},
  ): Promise<HttpImportResult> {
    const response = request.res as Response;
    const abort = new AbortController();
    const onClose = () => {
      if (!response.writableFinished) abort.abort();
    };
    response.once('close', onClose);
    try {
      return await this.runWith(type, request, options, abort.signal);
    } finally {
      settleUnreadBody(request, response);
    }
  }

  private async runWith(
    type: string,
    request: AuthenticatedRequest,
    options: ImportRequestOptions,
    signal: AbortSignal,
  ): Promise<HttpImportResult> {
    const maxBytes = this.settings.server.importMaxBytes;
    const format = importRequestFormat(request, maxBytes);
    const charset = importCharset(request.headers['content-type']);
    const csv = csvReadOptions(request.query, format);
    // An unknown type is a 404 before a worker is started for it.
    this.pipeline.importer(type);
    const dryRun = options.dryRun ?? false;
    const runId = options.importId ?? randomUUID();
    // A chosen id already kept (or, racing, already leased) is the client's conflict, not a 500.
    if (options.importId && (await this.runs.findById(runId))) throw importIdTaken();
    return this.slots
      .run(
        request.res,
        async () => {
          await this.runs.start({
            id: runId,
            type,
            format,
            dryRun,
            keyId: request.apiKey?.id ?? null,
          });
          try {
            const declared = Number(request.headers['content-length']);
            const job = { type, format, maxBytes, charset, csv, runId, dryRun };
            const result =
              declared < this.settings.imports.workerMinBytes
                ? await this.pipeline.run(type, format, request, { ...job, signal })
                : await this.workers.run(job, request, signal);
            await this.runs.finish(runId, 'succeeded', { result });
            return { id: runId, dryRun, ...result };
          } catch (error) {
            const gone = signal.aborted || error instanceof ImportAborted || clientGone(request);
            await this.runs.finish(runId, gone ? 'aborted' : 'failed', {
              failureCode: gone ? 'CLIENT_GONE' : failureCode(error),
            });
            throw error;
          }
        },
        runId,
      )
      .catch((error: unknown) => {
        if (options.importId && isUniqueViolation(error)) throw importIdTaken();
        throw error;
      });
  }
}

function clientGone(request: Request): boolean {
  return !request.complete && request.socket?.destroyed === true;
}

function failureCode(error: unknown): string {
  if (error instanceof DomainError) return error.code;
  if (error instanceof HttpException) return `HTTP_${error.getStatus()}`;
  return CommonErrorCode.INTERNAL;
}
