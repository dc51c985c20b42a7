import { INestApplicationContext } from '@nestjs/common';
import { systemDraft } from '../audit/audit-draft';
import { AuditWriter } from '../audit/audit-writer.service';
import { ROLES, Role } from '../auth/api-key.entity';
import { ApiKeysService } from '../auth/api-keys.service';
import { usageError } from '../common/cli/command-exit';

export async function keysCreateCommand(
  app: INestApplicationContext,
  options: { role: string; name: string },
): Promise<number> {
  if (!ROLES.includes(options.role as Role))
    return usageError(`--role must be one of ${ROLES.join(', ')}`);
  const { key, secret } = await app.get(ApiKeysService).create(options.name, options.role as Role);
  // Created from a shell, not through the API: the audit names the operator's act as Halo's own.
  await app.get(AuditWriter).record(systemDraft('apiKey.create', [key.id], { via: 'cli' }));
  process.stderr.write(
    `created ${key.role} key "${key.name}" (${key.id}); the secret is shown once:\n`,
  );
  process.stdout.write(`${secret}\n`);
  return 0;
}
