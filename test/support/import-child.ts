/**
 * Runs one import in its own process for the kill test: reports every committed batch, then,
 * after `hangAfter` batches, stops inside the next batch's transaction once rows are written
 * (nothing committed) and says so, so that the test can SIGKILL it at exactly that point.
 *
 *   node dist/test/support/import-child.js <type> <file> <hangAfter>
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { createReadStream } from 'node:fs';
import { AppModule } from '../../src/app.module';
import { formatFromFileName } from '../../src/imports/import-format';
import { ImportPipeline } from '../../src/imports/import-pipeline.service';
import { ImportRegistry } from '../../src/imports/import-registry';

async function main(): Promise<void> {
  const [type, file, hangAfter] = process.argv.slice(2);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const registry = app.get(ImportRegistry);
  const importer = registry.get(type)!;
  let committed = 0;
  let writtenInBatch = 0;
  const hangOnceWritten = async (rows: number) => {
    writtenInBatch += rows;
    if (committed >= Number(hangAfter) && writtenInBatch >= 10) {
      process.stdout.write(`hanging inside batch ${committed + 1}\n`);
      setInterval(() => undefined, 60_000);
      await new Promise(() => undefined);
    }
  };
  registry.register({
    ...importer,
    write: async (manager, row) => {
      const outcome = await importer.write(manager, row);
      await hangOnceWritten(1);
      return outcome;
    },
    // The set-based path writes a batch's new rows at its flushes: hang after one of them.
    plan:
      importer.plan &&
      (async (manager, rows) => {
        const plan = await importer.plan!(manager, rows);
        return {
          keys: (row) => plan.keys(row),
          decide: (row) => plan.decide(row),
          flush: async (transaction) => {
            await plan.flush(transaction);
            await hangOnceWritten(rows.length);
          },
        };
      }),
  });
  await app.get(ImportPipeline).run(type, formatFromFileName(file)!, createReadStream(file), {
    onBatch: (progress) => {
      committed = progress.batches;
      writtenInBatch = 0;
      process.stdout.write(`committed batch ${committed}\n`);
    },
  });
  process.stdout.write('finished\n');
  await app.close();
}

void main();
