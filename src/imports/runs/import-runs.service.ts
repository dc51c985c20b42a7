import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { notFound } from '../../common/errors/domain-error';
import { csvLine } from '../../common/csv/csv-writer';
import { Page } from '../../common/pagination/cursor';
import { ImportRunDetailDto, ImportRunDto, ImportRunErrorDto } from '../dto/import-run.dto';
import { ListImportRunsQuery } from '../dto/list-import-runs.query';
import { MAX_REPORTED_ERRORS } from '../import-result';
import { ImportsErrorCode } from '../imports-error-code';
import { ImportRun } from './import-run.entity';
import { ImportRunsRepository } from './import-runs.repository';
import { ImportUndoResult, ImportUndoService } from './import-undo.service';

const ERRORS_HEADER = ['line', 'field', 'code', 'reason'];

/** The kept imports: listed newest first, one with its first errors, all errors as CSV, undone. */
@Injectable()
export class ImportRunsService {
  constructor(
    private readonly runs: ImportRunsRepository,
    private readonly undoer: ImportUndoService,
  ) {}

  async list(query: ListImportRunsQuery): Promise<Page<ImportRunDto>> {
    await this.runs.failInterrupted();
    const page = await this.runs.page({
      status: query.status,
      type: query.type,
      limit: query.limit ?? 50,
      cursor: query.cursor,
    });
    return { ...page, items: page.items.map((run) => ImportRunDto.of(run)) };
  }

  async get(id: string): Promise<ImportRunDetailDto> {
    const run = await this.find(id);
    const errors = await this.runs.errors(id, MAX_REPORTED_ERRORS + 1);
    return {
      ...ImportRunDto.of(run),
      errors: errors.slice(0, MAX_REPORTED_ERRORS).map((error) => ImportRunErrorDto.of(error)),
      errorsTruncated: errors.length > MAX_REPORTED_ERRORS,
    };
  }

  /** Every recorded problem, in the order found, as CSV lines (the project's safe writer). */
  async errorsCsv(id: string): Promise<Readable> {
    await this.find(id);
    const runs = this.runs;
    return Readable.from(
      (async function* () {
        yield csvLine(ERRORS_HEADER);
        for await (const page of runs.allErrors(id))
          yield page
            .map((error) => csvLine([error.line, error.field, error.code, error.reason]))
            .join('');
      })(),
    );
  }

  undo(id: string): Promise<ImportUndoResult> {
    return this.undoer.undo(id);
  }

  private async find(id: string): Promise<ImportRun> {
    await this.runs.failInterrupted();
    const run = await this.runs.findById(id);
    if (!run) throw notFound(ImportsErrorCode.IMPORT_NOT_FOUND, 'id', id);
    return run;
  }
}
