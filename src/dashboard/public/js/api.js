// @ts-check
import { language } from './i18n.js';

/**
 * The Halo API over the session cookie; errors carry the API's code and details.
 * @typedef {{ message?: string, code?: string, details?: unknown[] }} ErrorBody
 * @typedef {Record<string, string | number | boolean | null | undefined>} Query
 */
export class ApiError extends Error {
  /**
   * @param {number} status 0 when the server could not be reached
   * @param {ErrorBody | null | undefined} body
   */
  constructor(status, body) {
    super(
      body?.message ??
        (language() === 'it' ? `Il server ha risposto ${status}` : `The server answered ${status}`),
    );
    this.status = status;
    this.code = body?.code ?? null;
    this.details = body?.details ?? [];
  }
}

/**
 * @param {string} path
 * @param {Query} [query] empty values are left out
 * @returns {string}
 */
export function apiUrl(path, query = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(name, String(value));
  }
  return url.pathname + url.search;
}

const SESSION_PATH = '/api/v1/session';
const SAFE_METHODS = new Set(['GET', 'HEAD']);
/**
 * The session's CSRF token, as POST and GET /api/v1/session answer it; sent on every write so
 * that the server knows the write comes from this page, not from another site.
 * @type {string | null}
 */
let csrfToken = null;

/**
 * The JSON the API answered (null for 204); callers declare its shape with a typedef.
 * @param {string} method
 * @param {string} path
 * @param {{
 *   query?: Query,
 *   body?: unknown,
 *   file?: { body: Blob, type: string },
 *   quiet401?: boolean,
 *   headers?: Record<string, string>,
 *   withStatus?: boolean,
 * }} [options] file: a file sent as is with its Content-Type (imports), instead of a JSON body;
 *   quiet401: a 401 does not announce the end of the session (signing in and out expect one);
 *   headers: more request headers (a create's Idempotency-Key); withStatus: answer
 *   `{ status, data }` (a create tells 201 new from 200 sent before)
 * @returns {Promise<any>}
 */
export async function request(
  method,
  path,
  { query, body, file, quiet401 = false, headers: extra, withStatus = false } = {},
) {
  /** @type {Record<string, string>} */
  // The server words its reasons (tiers, system checks) in the dashboard's language.
  const headers = { ...extra, Accept: 'application/json', 'Accept-Language': language() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (file) headers['Content-Type'] = file.type;
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body: file ? file.body : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, {
      code: 'NETWORK',
      message:
        language() === 'it'
          ? 'Halo non è raggiungibile. È in esecuzione?'
          : 'Halo cannot be reached. Is it running?',
    });
  }
  if (path === SESSION_PATH && method === 'DELETE') csrfToken = null;
  if (response.status === 204) return withStatus ? { status: 204, data: null } : null;
  const data = await response.json().catch(() => null);
  if (path === SESSION_PATH && response.ok) csrfToken = data?.csrfToken ?? null;
  if (!response.ok) {
    if (response.status === 401 && !quiet401) window.dispatchEvent(new Event('halo:signed-out'));
    throw new ApiError(response.status, data);
  }
  return withStatus ? { status: response.status, data } : data;
}

/**
 * @param {string} path
 * @param {Query} [query]
 * @returns {Promise<any>}
 */
export const get = (path, query) => request('GET', path, { query });
/**
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
export const post = (path, body = {}) => request('POST', path, { body });
/**
 * @param {string} path
 * @returns {Promise<any>}
 */
export const del = (path) => request('DELETE', path);
