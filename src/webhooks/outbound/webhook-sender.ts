import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { isPrivateAddress } from './private-addresses';
import { hostOf, targetLookup } from './target-guard';

export interface SendResult {
  statusCode: number | null;
  /** What went wrong, for the delivery's lastError: a status line, a timeout, a refused target. */
  error: string | null;
}

export interface OutboundRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  allowPrivate: boolean;
}

/** One POST, redirects not followed, the answer's body read and dropped (at most 64 KB). */
export function sendWebhook(outbound: OutboundRequest): Promise<SendResult> {
  const url = new URL(outbound.url);
  const host = hostOf(url);
  if (!outbound.allowPrivate && isIP(host) && isPrivateAddress(host))
    return Promise.resolve({ statusCode: null, error: `${host} is a private or loopback address` });
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...outbound.headers, 'Content-Length': Buffer.byteLength(outbound.body) },
        timeout: outbound.timeoutMs,
        lookup: targetLookup(outbound.allowPrivate),
      },
      (response) => {
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > 65_536) response.destroy();
        });
        const statusCode = response.statusCode ?? null;
        const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
        const result = {
          statusCode,
          error: ok ? null : `HTTP ${statusCode} ${response.statusMessage ?? ''}`.trim(),
        };
        response.on('end', () => finish(result));
        response.on('close', () => finish(result));
        response.on('error', () => finish(result));
      },
    );
    request.on('timeout', () => {
      request.destroy();
      finish({ statusCode: null, error: `no answer within ${outbound.timeoutMs} ms` });
    });
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ statusCode: null, error: (error.message || error.code || 'error').slice(0, 400) }),
    );
    request.end(outbound.body);
  });
}
