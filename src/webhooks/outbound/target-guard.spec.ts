import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { DomainError } from '../../common/errors/domain-error';
import { isPrivateAddress } from './private-addresses';
import { assertPublicTarget } from './target-guard';
import { sendWebhook } from './webhook-sender';

describe('outbound targets', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    'not-an-address',
  ])('treats %s as private', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'treats %s as public',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );

  it('refuses loopback urls, by address and by name, unless private targets are allowed', async () => {
    for (const url of ['http://127.0.0.1:9/x', 'http://[::1]:9/x', 'http://localhost:9/x']) {
      await expect(assertPublicTarget(new URL(url), false)).rejects.toThrow(DomainError);
      await expect(assertPublicTarget(new URL(url), true)).resolves.toBeUndefined();
    }
  });

  it('never connects to a private address when not allowed, even by a name that resolves to one', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const send = (host: string, allowPrivate: boolean) =>
      sendWebhook({
        url: `http://${host}:${port}/hook`,
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
        timeoutMs: 2_000,
        allowPrivate,
      });
    try {
      expect((await send('127.0.0.1', false)).statusCode).toBeNull();
      const byName = await send('localhost', false);
      expect(byName.statusCode).toBeNull();
      expect(byName.error).toMatch(/private/);
      expect(requests).toBe(0);
      expect(await send('127.0.0.1', true)).toEqual({ statusCode: 200, error: null });
      expect(requests).toBe(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
