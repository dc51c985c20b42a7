// @ts-check
import { request } from '../api.js';
import { h } from '../dom.js';

/**
 * The sign-in form: the key goes to the server, which keeps it in an httpOnly cookie.
 * @param {HTMLElement} main
 * @param {{
 *   message?: string,
 *   onSignedIn: (session: import('../app.js').Session) => Promise<void>,
 * }} options
 */
export function renderSignIn(main, { message, onSignedIn }) {
  document.title = 'Sign in · Halo';
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
    'Sign in',
  );
  const form = h(
    'form',
    { class: 'sign-in-form', novalidate: true },
    h(
      'div',
      { class: 'field' },
      h('label', { for: 'api-key' }, 'API key'),
      input,
      h(
        'p',
        { class: 'field-hint', id: 'api-key-hint' },
        'Starts with halo_. Ask an admin for a viewer key if you have none.',
      ),
    ),
    problem,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const key = input.value.trim().replace(/^Bearer\s+/i, '');
    if (!key) {
      showProblem('Paste your API key first.');
      return;
    }
    button.disabled = true;
    button.textContent = 'Signing in…';
    try {
      const session = await request('POST', '/api/v1/session', { body: { key }, quiet401: true });
      input.value = '';
      await onSignedIn(session);
    } catch (error) {
      const failure = /** @type {import('../api.js').ApiError} */ (error);
      showProblem(
        failure.status === 401 ? 'This key is unknown or has been revoked.' : failure.message,
      );
      button.disabled = false;
      button.textContent = 'Sign in';
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
          { class: 'sign-in-brand' },
          h('img', { src: '/favicon.svg', alt: '', width: 40, height: 40 }),
          h('span', {}, 'Halo'),
        ),
        h('h1', {}, 'Find the people who grow your brand'),
        h(
          'p',
          { class: 'sign-in-lead' },
          'Extended lifetime value per member: what they spend, what they make others spend, and what their ideas are worth.',
        ),
        message ? h('p', { class: 'notice', role: 'status' }, message) : null,
        form,
        h(
          'p',
          { class: 'sign-in-note' },
          'Your key stays in a cookie that page scripts cannot read. Viewers see every page; managers can also approve referrals and merge members.',
        ),
      ),
    ),
  );
}
