// @ts-check
import { request } from '../api.js';
import { h } from '../dom.js';
import { messages } from '../i18n.js';
import { languageSwitch } from '../shell.js';

export const t = messages({
  en: {
    title: 'Sign in',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    key: 'API key',
    hint: 'Starts with halo_. Ask an admin for a viewer key if you have none.',
    pasteFirst: 'Paste your API key first.',
    unknownKey: 'This key is unknown or has been revoked.',
    heading: 'Find the people who grow your brand',
    lead: 'Extended lifetime value per member: what they spend, what they make others spend, and what their ideas are worth.',
    note: 'Your key stays in a cookie that page scripts cannot read. Viewers see every page; managers can also approve referrals and merge members.',
  },
  it: {
    title: 'Accedi',
    signIn: 'Accedi',
    signingIn: 'Accesso in corso…',
    key: 'Chiave API',
    hint: 'Inizia con halo_. Se non ne hai una, chiedi a un amministratore una chiave di sola lettura.',
    pasteFirst: 'Incolla prima la tua chiave API.',
    unknownKey: 'Questa chiave è sconosciuta o è stata revocata.',
    heading: 'Trova le persone che fanno crescere il tuo marchio',
    lead: 'Il valore esteso nel tempo di ogni membro: quanto spende, quanto fa spendere agli altri e quanto valgono le sue idee.',
    note: 'La chiave resta in un cookie che gli script della pagina non possono leggere. I lettori vedono tutte le pagine; i responsabili possono anche approvare le segnalazioni e unire i membri.',
  },
});

/**
 * The sign-in form: the key goes to the server, which keeps it in an httpOnly cookie.
 * @param {HTMLElement} main
 * @param {{
 *   message?: string | (() => string),
 *   onSignedIn: (session: import('../app.js').Session) => Promise<void>,
 * }} options
 */
export function renderSignIn(main, { message, onSignedIn }) {
  document.title = `${t('title')} · Halo`;
  const input = h('input', {
    id: 'api-key',
    name: 'key',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    'aria-describedby': 'api-key-hint',
  });
  const problem = h('p', { class: 'form-error', id: 'sign-in-error', role: 'alert' });
  const button = h(
    'button',
    { type: 'submit', class: 'button button-primary button-wide' },
    t('signIn'),
  );
  const form = h(
    'form',
    { class: 'sign-in-form', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'api-key' }, t('key')),
      input,
      h('p', { class: 'field-hint', id: 'api-key-hint' }, t('hint')),
    ),
    problem,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!key) {
      showProblem(t('pasteFirst'));
      return;
    }
    button.disabled = true;
    button.textContent = t('signingIn');
    try {
      const session = await request('POST', '/api/v1/session', { body: { key }, quiet401: true });
      input.value = '';
      await onSignedIn(session);
    } catch (error) {
      const failure = /** @type {import('../api.js').ApiError} */ (error);
      showProblem(failure.status === 401 ? t('unknownKey') : failure.message);
      button.disabled = false;
      button.textContent = t('signIn');
    }
  });
  /** @param {string} text */
  function showProblem(text) {
    problem.textContent = text;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'api-key-hint sign-in-error');
    input.focus();
  }
  main.replaceChildren(
    h(
      'div',
      { class: 'sign-in' },
      h(
        'div',
        { class: 'sign-in-card' },
        h(
          'div',
          { class: 'sign-in-language' },
          languageSwitch(() => renderSignIn(main, { message, onSignedIn })),
        ),
        h(
          'div',
          { class: 'sign-in-brand' },
          h('img', { src: '/favicon.svg', alt: '', width: 40, height: 40 }),
          h('span', {}, 'Halo'),
        ),
        h('h1', {}, t('heading')),
        h('p', { class: 'sign-in-lead' }, t('lead')),
        message
          ? h(
              'p',
              { class: 'notice', role: 'status' },
              typeof message === 'function' ? message() : message,
            )
          : null,
        form,
        h('p', { class: 'sign-in-note' }, t('note')),
      ),
    ),
  );
}
