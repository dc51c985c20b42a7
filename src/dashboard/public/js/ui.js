// @ts-check
import { h } from './dom.js';
import { humanize, toNumber } from './format.js';
import { messages } from './i18n.js';

export const t = messages({
  en: {
    vsPrevious: 'vs previous period',
    noEarlier: 'no earlier data',
    unchanged: 'unchanged ',
    up: 'up ',
    down: 'down ',
    noChange: 'no change',
    noTier: 'No tier',
    apiMissing: 'The API for {what} is not available on this server yet.',
    unreachable: 'Halo cannot be reached.',
    forbidden: 'Your key may not see this.',
    couldNotLoad: 'Could not load {what}.',
    this: 'this',
    code: 'Code {code}',
    loading: 'Loading…',
    unknownMember: 'Unknown member',
  },
  it: {
    vsPrevious: 'rispetto al periodo precedente',
    noEarlier: 'nessun dato precedente',
    unchanged: 'invariato ',
    up: 'in aumento ',
    down: 'in calo ',
    noChange: 'nessuna variazione',
    noTier: 'Nessun livello',
    apiMissing: "L'API per {what} non è ancora disponibile su questo server.",
    unreachable: 'Halo non è raggiungibile.',
    forbidden: 'La tua chiave potrebbe non avere accesso a questi dati.',
    couldNotLoad: 'Impossibile caricare {what}.',
    this: 'questi dati',
    code: 'Codice {code}',
    loading: 'Caricamento…',
    unknownMember: 'Membro sconosciuto',
  },
});

/**
 * Building blocks shared by the pages: headers, cards, KPIs, badges, states.
 * @typedef {import('./dom.js').Child} Child
 * @typedef {{ id?: string, name?: string | null, email?: string | null, externalId?: string | null }} MemberRef
 */

/**
 * @param {string} title also the document's title
 * @param {{ subtitle?: Child, actions?: Child, back?: { href: string, label: string } }} [options]
 * @returns {HTMLElement}
 */
export function pageHeader(title, { subtitle, actions, back } = {}) {
  document.title = `${title} · Halo`;
  return h(
    'header',
    { class: 'page-header' },
    back ? h('a', { class: 'back-link', href: back.href }, '← ', back.label) : null,
    h(
      'div',
      { class: 'page-title-row' },
      h(
        'div',
        {},
        h('h1', { tabindex: '-1', id: 'page-title' }, title),
        subtitle ? h('p', { class: 'page-subtitle' }, subtitle) : null,
      ),
      actions ? h('div', { class: 'page-actions' }, actions) : null,
    ),
  );
}

/**
 * @param {Child} title
 * @param {{ description?: Child, id?: string, actions?: Child, className?: string }} options
 * @param {...Child} body
 * @returns {HTMLElement}
 */
export function card(title, { description, id, actions, className = '' } = {}, ...body) {
  const headingId = id ? `${id}-title` : undefined;
  return h(
    'section',
    { class: `card ${className}`.trim(), id, 'aria-labelledby': headingId },
    h(
      'div',
      { class: 'card-header' },
      h(
        'div',
        {},
        h('h2', { id: headingId }, title),
        description ? h('p', { class: 'card-description' }, description) : null,
      ),
      actions ?? null,
    ),
    ...body,
  );
}

/**
 * Up, down or flat against the previous period: `delta` decides the direction, `text` is what
 * is shown; the arrow is decoration, the words are read out.
 */
/**
 * @param {unknown} delta
 * @param {Child} text
 * @param {{ inverse?: boolean, suffix?: string }} [options] inverse: down is good (costs)
 * @returns {HTMLSpanElement}
 */
export function changeBadge(delta, text, { inverse = false, suffix = t('vsPrevious') } = {}) {
  const value = toNumber(delta);
  if (value === null) return h('span', { class: 'change flat' }, t('noEarlier'));
  const direction = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const tone = direction === 'flat' ? 'flat' : (direction === 'up') !== inverse ? 'good' : 'bad';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '●';
  // The pill holds the figure and keeps its shape; the note beside it wraps as text does.
  return h(
    'span',
    { class: 'change-line' },
    h(
      'span',
      { class: `change ${tone}` },
      h('span', { 'aria-hidden': 'true' }, `${arrow} `),
      h(
        'span',
        { class: 'visually-hidden' },
        direction === 'flat' ? t('unchanged') : direction === 'up' ? t('up') : t('down'),
      ),
      direction === 'flat' ? t('noChange') : text,
    ),
    suffix ? h('span', { class: 'change-note' }, ` ${suffix}`) : null,
  );
}

/**
 * @param {Child} label
 * @param {Child} value
 * @param {{ change?: Child, note?: Child, spark?: Child, className?: string }} [options]
 * @returns {HTMLDivElement}
 */
export function kpi(label, value, { change, note, spark, className = '' } = {}) {
  return h(
    'div',
    { class: `kpi ${className}`.trim() },
    h('p', { class: 'kpi-label' }, label),
    h('p', { class: 'kpi-value' }, value),
    change ?? null,
    note ? h('p', { class: 'kpi-note' }, note) : null,
    spark ?? null,
  );
}

const TIER_TONES = ['tier-1', 'tier-2', 'tier-3', 'tier-4', 'tier-5'];
/** @type {string[]} */
let tierOrder = [];
/**
 * The tiers from the lowest up, which decides their badges' tones.
 * @param {string[]} names
 */
export function setTierOrder(names) {
  tierOrder = names;
}

/**
 * @param {string | null | undefined} tier
 * @returns {HTMLSpanElement}
 */
export function tierBadge(tier) {
  if (!tier) return h('span', { class: 'badge muted' }, t('noTier'));
  const index = tierOrder.indexOf(tier);
  const tone =
    TIER_TONES[Math.min(index < 0 ? TIER_TONES.length - 1 : index, TIER_TONES.length - 1)];
  return h('span', { class: `badge tier ${tone}` }, humanize(tier));
}

/**
 * @param {Child} text
 * @param {string} [tone]
 * @returns {HTMLSpanElement}
 */
export function badge(text, tone = 'muted') {
  return h('span', { class: `badge ${tone}` }, text);
}

/**
 * @param {Child} title
 * @param {Child} [detail]
 * @returns {HTMLDivElement}
 */
export function emptyState(title, detail) {
  return h(
    'div',
    { class: 'empty-state' },
    h('p', { class: 'empty-title' }, title),
    detail ? h('p', {}, detail) : null,
  );
}

/**
 * What went wrong, said for people; an ApiError's status picks the sentence.
 * @param {unknown} error
 * @param {string} [what]
 * @returns {HTMLDivElement}
 */
export function errorState(error, what = t('this')) {
  const failure = /** @type {{ status?: number, message?: string, code?: string } | null} */ (
    error
  );
  const status = failure?.status;
  const missing = status === 404 && /Cannot (GET|POST)/.test(failure?.message ?? '');
  const title = missing
    ? t('apiMissing', { what })
    : status === 0
      ? t('unreachable')
      : status === 403
        ? t('forbidden')
        : t('couldNotLoad', { what });
  return h(
    'div',
    { class: 'error-state', role: 'alert' },
    h('p', { class: 'empty-title' }, title),
    failure?.message && !missing ? h('p', {}, failure.message) : null,
    failure?.code ? h('p', { class: 'muted small' }, t('code', { code: failure.code })) : null,
  );
}

/**
 * @param {string} [label]
 * @returns {HTMLDivElement}
 */
export function loading(label = t('loading')) {
  return h(
    'div',
    { class: 'loading-block', 'aria-hidden': 'true' },
    h('span', { class: 'shimmer' }),
    h('span', { class: 'visually-hidden' }, label),
  );
}

/**
 * Fills a slot when its data arrives; a failure stays inside the slot.
 * @template Data
 * @param {Element} slot
 * @param {Promise<Data> | Data} promise
 * @param {(data: Data) => Child} render
 * @param {string} what
 * @returns {Promise<Data | undefined>}
 */
export async function fill(slot, promise, render, what) {
  slot.replaceChildren(loading());
  try {
    const data = await promise;
    slot.replaceChildren(
      .../** @type {(Node | string)[]} */ ([render(data)].flat().filter(Boolean)),
    );
    return data;
  } catch (error) {
    slot.replaceChildren(errorState(error, what));
    return undefined;
  }
}

/**
 * @param {MemberRef | null | undefined} member
 * @param {string} [fallback]
 * @returns {HTMLElement}
 */
export function memberLink(member, fallback = t('unknownMember')) {
  const label = member?.name || member?.email || member?.externalId || fallback;
  return member?.id
    ? h('a', { href: `#/members/${encodeURIComponent(member.id)}`, class: 'member-link' }, label)
    : h('span', {}, label);
}

/**
 * @param {Child} label
 * @param {Child} control
 * @param {{ hint?: Child, id?: string }} [options]
 * @returns {HTMLDivElement}
 */
export function field(label, control, { hint, id } = {}) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null,
  );
}
