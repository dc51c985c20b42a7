import { Logger } from '@nestjs/common';
import { ApiKeysService } from './auth/api-keys.service';
import { settingsOrExit, startServer } from './server';

/** `npm start`: the service; a first start without any key says how to make one. */
async function main(): Promise<void> {
  const app = await startServer(settingsOrExit());
  if (await app.get(ApiKeysService).hasActiveKey()) return;
  new Logger('Bootstrap').warn(
    'No API key yet. Create an admin key with `npm run cli -- keys:create --role admin --name me` ' +
      '(the secret is printed once), or start with HALO_ADMIN_KEY=<a long secret>; then sign in to ' +
      'the dashboard at / with it.',
  );
}

void main();
