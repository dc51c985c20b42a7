// @ts-check
import { h } from './dom.js';
import { language, LANGUAGES, messages, setLanguage } from './i18n.js';

/**
 * The page around the pages (index.html's skip link, topbar, navigation, footer) and app.js's
 * own sentences, in both languages; the language switch lives in the topbar.
 */
export const t = messages({
  en: {
    title: 'Halo',
    skip: 'Skip to content',
    brand: 'Halo, overview',
    mainNav: 'Main',
    overview: 'Overview',
    ambassadors: 'Ambassadors',
    acquisition: 'Acquisition',
    reviews: 'Review queues',
    model: 'Model',
    import: 'Import',
    log: 'Log',
    system: 'System',
    audit: 'Audit log',
    signOut: 'Sign out',
    loading: 'Loading Halo…',
    footer: 'Halo · extended lifetime value = spend + referral + influence + knowledge',
    language: 'Language',
    signedInWith: 'Signed in with {name} ({prefix}…)',
    notFoundTitle: 'Not found',
    notFound: 'This page does not exist',
    goOverview: 'Go to the overview',
    thisPage: 'this page',
    halo: 'Halo',
    signedOutMessage: 'You are signed out.',
    signedOutAnnounce: 'Signed out',
    sessionEnded: 'Your session has ended. Sign in again to continue.',
    switched: 'The dashboard is now in English',
    role_admin: 'admin',
    role_manager: 'manager',
    role_viewer: 'viewer',
  },
  it: {
    title: 'Halo',
    skip: 'Vai al contenuto',
    brand: 'Halo, panoramica',
    mainNav: 'Principale',
    overview: 'Panoramica',
    ambassadors: 'Ambasciatori',
    acquisition: 'Acquisizione',
    reviews: 'Revisioni',
    model: 'Modello',
    import: 'Importa',
    log: 'Registra',
    system: 'Sistema',
    audit: 'Registro attività',
    signOut: 'Esci',
    loading: 'Caricamento di Halo…',
    footer: 'Halo · valore esteso nel tempo = spesa + segnalazioni + influenza + conoscenza',
    language: 'Lingua',
    signedInWith: 'Accesso con {name} ({prefix}…)',
    notFoundTitle: 'Pagina non trovata',
    notFound: 'Questa pagina non esiste',
    goOverview: 'Vai alla panoramica',
    thisPage: 'questa pagina',
    halo: 'Halo',
    signedOutMessage: 'Sei uscito.',
    signedOutAnnounce: 'Disconnesso',
    sessionEnded: 'La sessione è scaduta. Accedi di nuovo per continuare.',
    switched: 'La dashboard ora è in italiano',
    role_admin: 'admin',
    role_manager: 'responsabile',
    role_viewer: 'lettore',
  },
});

/** The names of the languages, each in itself, for the switch's buttons. */
const NAMES = { en: 'English', it: 'Italiano' };

/**
 * The role's name in the current language (an unknown role as the API says it).
 * @param {string} role
 */
export function roleName(role) {
  const key = /** @type {Parameters<typeof t>[0]} */ (`role_${role}`);
  return key in t.catalog.en ? t(key) : role;
}

/**
 * Puts the words of index.html in the current language: every element with `data-i18n` gets
 * its text, `data-i18n-label` its aria-label; `<html lang>` follows.
 */
export function translateShell() {
  document.documentElement.lang = language();
  document.title = t('title');
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll('[data-i18n]')
  ))
    element.textContent = t(/** @type {Parameters<typeof t>[0]} */ (element.dataset.i18n));
  for (const element of /** @type {NodeListOf<HTMLElement>} */ (
    document.querySelectorAll('[data-i18n-label]')
  ))
    element.setAttribute(
      'aria-label',
      t(/** @type {Parameters<typeof t>[0]} */ (element.dataset.i18nLabel)),
    );
}

/**
 * EN / IT: two pressed-or-not buttons in a group named "Language"; choosing one remembers it,
 * translates the shell and calls `onChange` to render the current page again.
 * @param {() => void} onChange
 * @returns {HTMLElement}
 */
export function languageSwitch(onChange) {
  const group = h('div', {
    class: 'language-switch',
    role: 'group',
    'data-i18n-label': 'language',
    'aria-label': t('language'),
  });
  const buttons = LANGUAGES.map((code) => {
    const button = h(
      'button',
      {
        type: 'button',
        class: 'language-option',
        lang: code,
        'data-language': code,
        'aria-pressed': String(code === language()),
        title: NAMES[code],
      },
      h('span', { 'aria-hidden': 'true' }, code.toUpperCase()),
      h('span', { class: 'visually-hidden' }, NAMES[code]),
    );
    button.addEventListener('click', () => {
      if (code === language()) return;
      setLanguage(code);
      // Every switch on the page (the topbar's and the sign-in card's) shows the choice.
      for (const other of /** @type {NodeListOf<HTMLElement>} */ (
        document.querySelectorAll('.language-option')
      ))
        other.setAttribute('aria-pressed', String(other.dataset.language === code));
      translateShell();
      onChange();
    });
    return button;
  });
  group.append(...buttons);
  return group;
}
