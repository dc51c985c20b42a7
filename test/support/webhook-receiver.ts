import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * A real HTTP receiver on loopback. `answers` gives, per path, the statuses of successive
 * requests (the last one repeats). `next(path, count)` resolves once that many have arrived.
 */
export async function startWebhookReceiver(answers: Record<string, number[]>) {
  const received: ReceivedWebhook[] = [];
  const waiters: { path: string; count: number; resolve: () => void }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks).toString() });
      const statuses = answers[path] ?? [404];
      const seen = received.filter((item) => item.path === path).length;
      response.statusCode = statuses[Math.min(seen, statuses.length) - 1];
      response.end(response.statusCode === 200 ? 'ok' : 'not now');
      for (const waiter of waiters.filter((item) => item.path === path && seen >= item.count))
        waiter.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    next: (path: string, count: number) =>
      received.filter((item) => item.path === path).length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ path, count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
