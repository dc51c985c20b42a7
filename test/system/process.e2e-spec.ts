import { existsSync, mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnHalo, waitFor } from '../support/spawn-halo';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the service process', () => {
  jest.setTimeout(180_000);

  it('refuses to start on a bad setting, naming it, with a non-zero exit', async () => {
    const halo = spawnHalo({ PORT: 'not-a-port' });
    expect(await halo.exited).toBe(78);
    expect(halo.output()).toContain('Invalid setting PORT (server.port)');
    expect(halo.output()).not.toMatch(/\n\s+at /);
  });

  it('starts on SQLite, logs JSON lines with request ids, and shuts down cleanly on SIGTERM', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'halo-process-'));
    const sqlite = join(folder, 'nested', 'halo.sqlite');
    const port = await freePort();
    const halo = spawnHalo({ PORT: String(port), SQLITE_PATH: sqlite });
    const health = async () => {
      try {
        return (await fetch(`http://127.0.0.1:${port}/health`)).status === 200;
      } catch {
        return false;
      }
    };
    // ts-node compiles the app on start: slow on a loaded 2-core machine.
    await waitFor(health, 150_000);
    const response = await fetch(`http://127.0.0.1:${port}/health`, {
      headers: { 'X-Request-Id': 'probe-42' },
    });
    expect(response.headers.get('x-request-id')).toBe('probe-42');
    // HOST defaults to 0.0.0.0, and the log says so (not the 127.0.0.1 of app.getUrl()).
    expect(halo.output()).toContain(`Halo listens on http://0.0.0.0:${port}`);
    // A fresh database has no key: the log says how to make the first one.
    expect(halo.output()).toContain(
      'No API key yet. Create an admin key with `npm run cli -- keys:create',
    );
    await waitFor(() => halo.output().includes('probe-42'));
    const line = halo
      .output()
      .split('\n')
      .find((entry) => entry.includes('probe-42'))!;
    expect(JSON.parse(line)).toMatchObject({
      level: 'log',
      message: { requestId: 'probe-42', status: 200, path: '/health' },
    });
    expect(existsSync(`${sqlite}-wal`)).toBe(true);

    // A request still being sent when SIGTERM arrives is finished and answered.
    const inFlight = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/members',
      headers: { 'Content-Type': 'application/json' },
    });
    const answered = new Promise<number>((resolve, reject) => {
      inFlight.on('response', (reply) => {
        reply.resume();
        resolve(reply.statusCode!);
      });
      inFlight.on('error', reject);
    });
    inFlight.write('{"name": "half');
    await new Promise((resolve) => inFlight.once('socket', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    halo.child.kill('SIGTERM');
    await waitFor(() => halo.output().includes('SIGTERM received'));
    inFlight.end(' a body"}');
    expect(await answered).toBe(401);
    expect(await halo.exited).toBe(0);
    // A clean close checkpoints the write-ahead log and removes it.
    expect(existsSync(`${sqlite}-wal`)).toBe(false);
    expect(existsSync(sqlite)).toBe(true);
  });
});
