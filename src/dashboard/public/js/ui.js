import { h } from './dom.js';
import { humanize, toNumber } from './format.js';

/** Building blocks shared by the pages: headers, cards, KPIs, badges, states. */
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
    body,
  );
}

/**
 * Up, down or flat against the previous period: `delta` decides the direction, `text` is what
 * is shown; the arrow is decoration, the words are read out.
 */
export function changeBadge(delta, text, { inverse = false, suffix = 'vs previous period' } = {}) {
  const value = toNumber(delta);
  if (value === null) return h('span', { class: 'change flat' }, 'no earlier data');
  const direction = value > 0 ? 'up' : value < 0 ? 'down' : 'flat';
  const tone = direction === 'flat' ? 'flat' : (direction === 'up') !== inverse ? 'good' : 'bad';
  const arrow = direction === 'up' ? '▲' : direction === 'down' ? '▼' : '●';
  return h(
    'span',
    { class: `change ${tone}` },
    h('span', { 'aria-hidden': 'true' }, `${arrow} `),
    h('span', { class: 'visually-hidden' }, direction === 'flat' ? 'unchanged ' : `${direction} `),
    direction === 'flat' ? 'no change' : text,
    suffix ? h('span', { class: 'change-note' }, ` ${suffix}`) : null,
  );
}

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
let tierOrder = [];
export function setTierOrder(names) {
  tierOrder = names;
}

export function tierBadge(tier) {
  if (!tier) return h('span', { class: 'badge muted' }, 'No tier');
  const index = tierOrder.indexOf(tier);
  const tone =
    TIER_TONES[Math.min(index < 0 ? TIER_TONES.length - 1 : index, TIER_TONES.length - 1)];
  return h('span', { class: `badge tier ${tone}` }, humanize(tier));
}

export function badge(text, tone = 'muted') {
  return h('span', { class: `badge ${tone}` }, text);
}

export function emptyState(title, detail) {
  return h(
    'div',
    { class: 'empty-state' },
    h('p', { class: 'empty-title' }, title),
    detail ? h('p', {}, detail) : null,
  );
}

export function errorState(error, what = 'this') {
  const status = error?.status;
  const missing = status === 404 && /Cannot (GET|POST)/.test(error?.message ?? '');
  const title = missing
    ? `The API for ${what} is not available on this server yet.`
    : status === 0
      ? 'Halo cannot be reached.'
      : status === 403
        ? 'Your key may not see this.'
        : `Could not load ${what}.`;
  return h(
    'div',
    { class: 'error-state', role: 'alert' },
    h('p', { class: 'empty-title' }, title),
    error?.message && !missing ? h('p', {}, error.message) : null,
    error?.code ? h('p', { class: 'muted small' }, `Code ${error.code}`) : null,
  );
}

export function loading(label = 'Loading…') {
  return h(
    'div',
    { class: 'loading-block', 'aria-hidden': 'true' },
    h('span', { class: 'shimmer' }),
    h('span', { class: 'visually-hidden' }, label),
  );
}

/** Fills a slot when its data arrives; a failure stays inside the slot. */
export async function fill(slot, promise, render, what) {
  slot.replaceChildren(loading());
  try {
    const data = await promise;
    slot.replaceChildren(...[render(data)].flat().filter(Boolean));
    return data;
  } catch (error) {
    slot.replaceChildren(errorState(error, what));
    return undefined;
  }
}

export function memberLink(member, fallback = 'Unknown member') {
  const label = member?.name || member?.email || member?.externalId || fallback;
  return member?.id
    ? h('a', { href: `#/members/${encodeURIComponent(member.id)}`, class: 'member-link' }, label)
    : h('span', {}, label);
}

export function field(label, control, { hint, id } = {}) {
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null,
  );
}
