import { fromBrowser, language, messages, setLanguage } from '../public/js/i18n.js';

/*
 * Every module that keeps words (`messages({ en, it })`) exports its `t`; each catalog's
 * Italian has exactly the keys of its English, no empty word, the same placeholders, and a
 * function where English has one.
 */
// The dashboard's type check knows no Node; these are the few Node names the spec needs.
declare const require: (id: string) => any;
declare const __dirname: string;
type Entry = { name: string; isDirectory(): boolean };
const { readdirSync, readFileSync } = require('node:fs') as {
  readdirSync(path: string, options: { withFileTypes: true }): Entry[];
  readFileSync(path: string, encoding: 'utf8'): string;
};
const { join, relative } = require('node:path') as {
  join(...parts: string[]): string;
  relative(from: string, to: string): string;
};
const ROOT = join(__dirname, '..', 'public', 'js');

function modules(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

const withWords = modules(ROOT).filter(
  (path) => !path.endsWith('i18n.js') && /\bmessages\(\{/.test(readFileSync(path, 'utf8')),
);

type Catalog = { en: Record<string, unknown>; it: Record<string, unknown> };

function placeholders(word: unknown): string[] {
  return typeof word === 'string' ? [...word.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() : [];
}

describe('the catalogs of words', () => {
  it('are found in the pages, the shell and the shared modules', () => {
    const names = withWords.map((path) => relative(ROOT, path));
    for (const expected of [
      'shell.js',
      'ui.js',
      'charts.js',
      'pages/overview.js',
      'pages/ambassadors.js',
      'pages/sign-in.js',
    ])
      expect(names).toContain(expected);
  });

  describe.each(withWords.map((path) => [relative(ROOT, path), path]))('%s', (_name, path) => {
    const loaded = require(path) as { t?: { catalog?: Catalog } };

    it('exports its t with both languages', () => {
      expect(loaded.t?.catalog?.en).toBeDefined();
      expect(loaded.t?.catalog?.it).toBeDefined();
    });

    it('has in Italian exactly the keys of English, none empty, with the same placeholders', () => {
      const { en, it: italian } = loaded.t!.catalog!;
      expect(Object.keys(italian).sort()).toEqual(Object.keys(en).sort());
      for (const [key, word] of Object.entries(en)) {
        const other = italian[key];
        expect([key, typeof other]).toEqual([key, typeof word]);
        if (typeof word === 'string') {
          expect([key, word.trim().length > 0]).toEqual([key, true]);
          expect([key, String(other).trim().length > 0]).toEqual([key, true]);
          expect([key, placeholders(other)]).toEqual([key, placeholders(word)]);
        } else {
          expect(typeof word).toBe('function');
        }
      }
    });
  });
});

describe('messages', () => {
  afterEach(() => setLanguage('en'));

  const t = messages({
    en: { hello: 'Hello {name}', count: ({ n }: Record<string, unknown>) => `${n} items` },
    it: { hello: 'Ciao {name}', count: ({ n }: Record<string, unknown>) => `${n} elementi` },
  });

  it('looks words up in the current language and fills the placeholders', () => {
    setLanguage('en');
    expect(t('hello', { name: 'Ada' })).toBe('Hello Ada');
    expect(t('count', { n: 3 })).toBe('3 items');
    setLanguage('it');
    expect(language()).toBe('it');
    expect(t('hello', { name: 'Ada' })).toBe('Ciao Ada');
    expect(t('count', { n: 3 })).toBe('3 elementi');
  });

  it("takes the browser's first language Halo speaks, else English", () => {
    expect(fromBrowser(['it-IT', 'en-US'])).toBe('it');
    expect(fromBrowser(['de-DE', 'en-GB'])).toBe('en');
    expect(fromBrowser(['fr'])).toBe('en');
  });
});
