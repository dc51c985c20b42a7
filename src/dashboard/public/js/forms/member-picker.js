// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { messages } from '../i18n.js';
import { t as formWords } from './form-kit.js';

/**
 * A member field that searches as one types (GET /api/v1/members?q=, debounced): the matches
 * are buttons under the input; the one chosen fills a hidden input of the field's name with
 * the member's id. Typing again clears the choice.
 * @typedef {{ id: string, name?: string | null, email?: string | null, externalId?: string | null }} MemberChoice
 */

export const t = messages({
  en: {
    placeholder: 'Type a name, email or ID',
    searching: 'Searching…',
    none: 'No member matches “{query}”.',
    found: ({ count }) => (count === 1 ? 'One member found.' : `${count} members found.`),
    chosen: 'Chosen: {who}',
    clear: 'Clear',
    clearLabel: 'Clear the member chosen',
    choose: 'Choose {who}',
    failed: 'The search failed: {message}',
  },
  it: {
    placeholder: 'Scrivi un nome, un’email o un ID',
    searching: 'Ricerca in corso…',
    none: 'Nessun membro corrisponde a “{query}”.',
    found: ({ count }) => (count === 1 ? 'Trovato un membro.' : `Trovati ${count} membri.`),
    chosen: 'Scelto: {who}',
    clear: 'Togli',
    clearLabel: 'Togli il membro scelto',
    choose: 'Scegli {who}',
    failed: 'La ricerca non è riuscita: {message}',
  },
});

export const SEARCH_DELAY_MS = 250;

/**
 * @param {MemberChoice} member
 * @returns {string}
 */
export function describeMember(member) {
  const main = member.name || member.email || member.externalId || member.id;
  const extra = member.name ? (member.email ?? member.externalId) : null;
  return extra ? `${main} · ${extra}` : String(main);
}

/**
 * @param {string} formId
 * @param {{ name: string, label: string, required?: boolean, hint?: string, onPick?: (member: MemberChoice | null) => void }} options
 * @returns {HTMLDivElement}
 */
export function memberPicker(formId, { name, label, required = false, hint, onPick }) {
  const id = `${formId}-${name}`;
  const listId = `${id}-results`;
  const hintId = hint ? `${id}-hint` : null;
  const statusId = `${id}-status`;
  const search = h('input', {
    id,
    type: 'search',
    autocomplete: 'off',
    placeholder: t('placeholder'),
    'aria-controls': listId,
    'aria-describedby': [hintId, statusId, `${id}-error`].filter(Boolean).join(' '),
    class: 'picker-search',
  });
  const hidden = h('input', { type: 'hidden', name });
  const results = h('ul', { id: listId, class: 'picker-results' });
  const status = h('p', {
    id: statusId,
    class: 'picker-status muted small',
    'aria-live': 'polite',
  });
  const picked = h('p', { class: 'picker-picked' });
  let sequence = 0;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  /** @param {MemberChoice | null} member */
  const choose = (member) => {
    hidden.value = member?.id ?? '';
    results.replaceChildren();
    status.textContent = '';
    if (member) {
      search.value = member.name || member.email || member.externalId || '';
      picked.replaceChildren(
        h('span', { class: 'chip' }, t('chosen', { who: describeMember(member) })),
        h(
          'button',
          {
            type: 'button',
            class: 'button button-quiet button-small',
            'aria-label': t('clearLabel'),
            onclick: () => {
              choose(null);
              search.value = '';
              search.focus();
            },
          },
          t('clear'),
        ),
      );
    } else picked.replaceChildren();
    onPick?.(member);
  };

  const run = async () => {
    const query = search.value.trim();
    const mine = ++sequence;
    if (!query) {
      results.replaceChildren();
      status.textContent = '';
      return;
    }
    status.textContent = t('searching');
    try {
      /** @type {{ items: MemberChoice[] }} */
      const page = await get('/api/v1/members', { q: query, limit: 8 });
      if (mine !== sequence) return; // a later keystroke's search answers instead
      results.replaceChildren(
        ...page.items.map((member) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                class: 'picker-option',
                dataset: { memberId: member.id },
                'aria-label': t('choose', { who: describeMember(member) }),
                onclick: () => {
                  choose(member);
                  search.focus();
                },
              },
              describeMember(member),
            ),
          ),
        ),
      );
      status.textContent = page.items.length
        ? t('found', { count: page.items.length })
        : t('none', { query });
    } catch (error) {
      if (mine === sequence)
        status.textContent = t('failed', { message: /** @type {Error} */ (error).message });
    }
  };

  search.addEventListener('input', () => {
    if (hidden.value) choose(null);
    globalThis.clearTimeout(timer);
    timer = setTimeout(() => void run(), SEARCH_DELAY_MS);
  });
  search.addEventListener('keydown', (event) => {
    // Enter in the search chooses the only match rather than sending the form half-filled.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const options = results.querySelectorAll('button');
    if (options.length === 1) /** @type {HTMLButtonElement} */ (options[0]).click();
  });

  return h(
    'div',
    { class: 'field form-field picker', dataset: { field: name } },
    h(
      'label',
      { for: id },
      label,
      required ? h('span', { class: 'label-note' }, ` (${formWords('required')})`) : null,
    ),
    search,
    hidden,
    picked,
    status,
    results,
    hint ? h('p', { class: 'field-hint', id: hintId }, hint) : null,
    h('p', { class: 'field-error', id: `${id}-error` }),
  );
}
