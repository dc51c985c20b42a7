import { INestApplicationContext } from '@nestjs/common';
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
  process.stderr.write(
    `created ${key.role} key "${key.name}" (${key.id}); the secret is shown once:\n`,
  );
  process.stdout.write(`${secret}\n`);
  return 0;
}
