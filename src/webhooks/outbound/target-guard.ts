import { LookupAddress, lookup as dnsLookup } from 'node:dns';
import { LookupFunction, isIP } from 'node:net';
import { DomainError } from '../../common/errors/domain-error';
import { WebhooksErrorCode } from '../webhooks-error-code';
import { isPrivateAddress } from './private-addresses';

export function targetRefused(reason: string): DomainError {
  return new DomainError(
    'unprocessable',
    WebhooksErrorCode.WEBHOOK_TARGET_REFUSED,
    `the webhook url is refused: ${reason}`,
    [{ field: 'url', reason, code: 'targetRefused' }],
  );
}

/** The url's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

/**
 * Refuses a url whose host is, or resolves to, a private or loopback address, so that a
 * subscription cannot make Halo call into its own network. Checked on subscribing and again
 * at each connection (targetLookup), which a DNS answer that changes in between cannot pass.
 */
export async function assertPublicTarget(url: URL, allowPrivate: boolean): Promise<void> {
  if (allowPrivate) return;
  const host = hostOf(url);
  const addresses = isIP(host) ? [host] : await resolveAll(host);
  const refused = addresses.find(isPrivateAddress);
  if (refused) throw targetRefused(`${host} is a private or loopback address (${refused})`);
}

/** The DNS lookup an outbound request uses: private addresses fail the connection. */
export function targetLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused)
        return callback(
          Object.assign(new Error(`${hostname} resolves to a private address`), {
            code: 'EWEBHOOKTARGET',
          }),
          '',
          4,
        );
      if (options.all) return (callback as unknown as AllCallback)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

type AllCallback = (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void;

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, addresses) => {
      if (error) reject(targetRefused(`${host} does not resolve (${error.code ?? 'error'})`));
      else resolve(addresses.map((address) => address.address));
    }),
  );
}
