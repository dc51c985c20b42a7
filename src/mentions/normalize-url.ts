/**
 * The idempotency key of a mention (docs/api-semantics.md, Idempotency): lower-case scheme and
 * host, no fragment, no `utm_*` parameters, no trailing slash. Credentials and default ports are
 * dropped; the path and the other parameters keep their case and order. Returns undefined for a
 * string that is not an absolute http(s) URL.
 */
export function normalizeUrl(input: string): string | undefined {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const query = url.search
    .slice(1)
    .split('&')
    .filter((parameter) => parameter !== '' && !isTrackingParameter(parameter));
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}${query.length ? `?${query.join('&')}` : ''}`;
}

function isTrackingParameter(parameter: string): boolean {
  const name = parameter.split('=')[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    decoded = name;
  }
  return decoded.toLowerCase().startsWith('utm_');
}
