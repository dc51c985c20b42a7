import 'reflect-metadata';
import { Command } from 'commander';
import { digestPreviewCommand } from '../digests/digest-preview.command';
import { digestSendCommand } from '../digests/digest-send.command';
import { loadSettings } from '../config/load-settings';
import { backupCommand } from './backup.command';
import { action, withAppContext } from './cli-context';
import { erasuresReapplyCommand } from './erasures-reapply.command';
import { restoreCommand } from './restore.command';
import { importFileCommand } from '../imports/import-file.command';
import { keysCreateCommand } from './keys-create.command';
import { migrateCommand } from './migrate.command';
import { valueRecomputeCommand } from './value-recompute.command';

const program = new Command('halo')
  .description(
    'Halo operator commands. Settings come from config/ and the environment (see README).',
  )
  .showHelpAfterError();

program
  .command('migrate')
  .description('apply pending database migrations (the server also does this at start)')
  .option('--revert', 'undo the last migration instead')
  .action(action((options: { revert?: boolean }) => migrateCommand(options)));

program
  .command('keys:create')
  .description('create an API key and print its secret (shown once)')
  .requiredOption('--role <role>', 'viewer, manager or admin')
  .option('--name <name>', 'what the key is for', 'cli')
  .action(
    action((options: { role: string; name: string }) =>
      withAppContext((app) => keysCreateCommand(app, options)),
    ),
  );

program
  .command('import <type> <file>')
  .description(
    'import a CSV, NDJSON or JSON file of one record type (members, purchases, referrals, ...)',
  )
  .option('--format <format>', 'json, ndjson or csv (default: from the file extension)')
  .option(
    '--locale <locale>',
    'en or it: how CSV numbers and dates are written (it: 1.234,56 and 31/12/2025 in brand.timezone)',
  )
  .option('--columns <mapping>', 'rename CSV columns to fields, e.g. Email:email,Nome:name')
  .option(
    '--charset <charset>',
    "the file's charset: utf-8 (default) or windows-1252 (also latin1, iso-8859-1)",
  )
  .action(
    action(
      (
        type: string,
        file: string,
        options: { format?: string; locale?: string; columns?: string; charset?: string },
      ) => withAppContext((app) => importFileCommand(app, type, file, options)),
    ),
  );

program
  .command('value:recompute')
  .description("recompute every member's extended value and store dated snapshots")
  .option('--as-of <date>', 'only data up to this instant counts (default now)')
  .action(
    action((options: { asOf?: string }) =>
      withAppContext((app) => valueRecomputeCommand(app, options)),
    ),
  );

program
  .command('digest:preview')
  .description("print a digest subscription's last completed period without sending it")
  .argument('<id>', 'the subscription id')
  .option('--format <format>', 'text or html', 'text')
  .option('--at <instant>', 'the period last completed at this instant (default now)')
  .action(
    action((id: string, options: { format?: string; at?: string }) =>
      withAppContext((app) => digestPreviewCommand(app, id, options)),
    ),
  );

program
  .command('digest:send')
  .description("send a digest subscription's last completed period now (once per period)")
  .argument('<id>', 'the subscription id')
  .option('--force', 'send again even if the period was already sent')
  .option('--at <instant>', 'the period last completed at this instant (default now)')
  .action(
    action((id: string, options: { force?: boolean; at?: string }) =>
      withAppContext((app) => digestSendCommand(app, id, options)),
    ),
  );

program
  .command('backup <file>')
  .description(
    'copy the live SQLite database to a new file while the server runs (on PostgreSQL: pg_dump)',
  )
  .action(action((file: string) => backupCommand(loadSettings(process.env), file)));

program
  .command('restore <file>')
  .description(
    'put a backup in place of the SQLite database (server stopped) and re-apply the erasures made since',
  )
  .action(
    action((file: string) => restoreCommand(loadSettings(process.env), file, withAppContext)),
  );

program
  .command('erasures')
  .description('erasures of people (GDPR art. 17)')
  .command('reapply')
  .description(
    'erase again every member a tombstone names (after restoring a backup, e.g. a pg_restore)',
  )
  .action(action(() => withAppContext((app) => erasuresReapplyCommand(app))));

void program.parseAsync(process.argv);
