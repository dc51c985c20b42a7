// @ts-check
import { get } from '../api.js';
import { announce, h } from '../dom.js';
import { count } from '../format.js';
import { emptyState } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    waiting: '{count} waiting',
  },
  it: {
    waiting: '{count} in attesa',
  },
});

/** What both review queues share: names for ids, action buttons, rows that go when decided. */
/**
 * @param {HTMLElement} badge
 * @param {number} waiting
 */
export function setCount(badge, waiting) {
  badge.dataset.count = String(waiting);
  badge.textContent = t('waiting', { count: count(waiting) });
}

/**
 * @param {(string | null | undefined)[]} ids
 * @returns {Promise<Map<string, import('../ui.js').MemberRef | null>>}
 */
export async function membersById(ids) {
  /** @type {Map<string, import('../ui.js').MemberRef | null>} */
  const members = new Map();
  await Promise.all(
    [.../** @type {Set<string>} */ (new Set(ids.filter(Boolean)))].map(async (id) =>
      members.set(id, await get(`/api/v1/members/${id}`).catch(() => null)),
    ),
  );
  return members;
}

/**
 * A button that runs an action, shows progress, and reports a failure next to the row.
 * @param {string} text
 * @param {string} label
 * @param {string} tone
 * @param {(row: HTMLElement) => Promise<void>} run
 * @returns {HTMLButtonElement}
 */
export function actionButton(text, label, tone, run) {
  const button = h(
    'button',
    { type: 'button', class: `button ${tone}`, 'aria-label': label },
    text,
  );
  button.addEventListener('click', async () => {
    const row = /** @type {HTMLElement} */ (button.closest('[data-row]'));
    for (const other of row.querySelectorAll('button')) other.disabled = true;
    try {
      await run(row);
    } catch (error) {
      row.querySelector('.row-error')?.replaceChildren(/** @type {Error} */ (error).message);
      for (const other of row.querySelectorAll('button')) other.disabled = false;
    }
  });
  return button;
}

/**
 * @param {HTMLElement} row
 * @param {HTMLElement} list
 * @param {string} message
 * @param {string} emptyText
 */
export function removeRow(row, list, message, emptyText) {
  const counter = /** @type {HTMLElement | null | undefined} */ (
    row.closest('.card')?.querySelector('.card-header .badge')
  );
  const waiting = Number.parseInt(counter?.dataset.count ?? '', 10);
  if (counter && waiting > 0) setCount(counter, waiting - 1);
  row.remove();
  announce(message);
  if (!list.querySelector('[data-row]')) list.replaceWith(emptyState(emptyText));
}
