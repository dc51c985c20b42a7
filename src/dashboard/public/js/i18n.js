// @ts-check
/**
 * The dashboard's languages: English and Italian. The choice is remembered in localStorage;
 * without one, the browser's first language that Halo speaks, else English. Each module keeps
 * its own words beside its code (`messages({ en, it })`), so a page and its wording are found
 * in one place and a missing Italian word is caught by the catalog spec.
 */

/** @typedef {'en' | 'it'} Language */
/** @typedef {Record<string, string | ((params: Record<string, unknown>) => string)>} Words */

export const LANGUAGES = /** @type {const} */ (['en', 'it']);
const STORAGE_KEY = 'halo.language';

/** @type {Language | null} */
let current = null;

/**
 * @param {unknown} value
 * @returns {value is Language}
 */
export function isLanguage(value) {
  return value === 'en' || value === 'it';
}

/**
 * The first of the browser's languages that Halo speaks ("it-IT" → it), else English.
 * @param {readonly string[]} preferred
 * @returns {Language}
 */
export function fromBrowser(preferred) {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

/** @returns {Language} */
export function language() {
  if (current) return current;
  let stored = null;
  try {
    stored = globalThis.localStorage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null; // storage refused (private mode): the browser's language stands
  }
  current = isLanguage(stored)
    ? stored
    : fromBrowser(globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? 'en']);
  return current;
}

/**
 * Remembers the choice and sets the document's language; the caller renders again.
 * @param {Language} next
 */
export function setLanguage(next) {
  current = next;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // not remembered, still used for this visit
  }
  if (globalThis.document) document.documentElement.lang = next;
}

/** The BCP 47 tag Intl formats with: numbers, money and dates follow the dashboard's language. */
export function locale() {
  return language() === 'it' ? 'it-IT' : 'en-GB';
}

/**
 * A module's words in both languages, looked up in the current one (English when a word is
 * missing, so a page never shows a key). `{name}` in a string is replaced by `params.name`.
 * @template {Words} Catalog
 * @param {{ en: Catalog, it: { [K in keyof Catalog]: Catalog[K] } }} catalog
 */
export function messages(catalog) {
  /**
   * @param {keyof Catalog & string} key
   * @param {Record<string, unknown>} [params]
   * @returns {string}
   */
  const t = (key, params = {}) => {
    const word = catalog[language()][key] ?? catalog.en[key];
    if (typeof word === 'function') return word(params);
    return String(word).replace(/\{(\w+)\}/g, (whole, name) =>
      name in params ? String(params[name]) : whole,
    );
  };
  return Object.assign(t, { catalog });
}
