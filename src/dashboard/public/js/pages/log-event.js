// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { date } from '../format.js';
import { language, messages } from '../i18n.js';
import { card, emptyState, fill } from '../ui.js';
import { EVENT_KINDS, eventBody } from '../forms/form-body.js';
import { fieldBlock, idempotentPost, moneyFields, writeForm } from '../forms/form-kit.js';

/**
 * Log › Event: create an event (name, kind, start and end, place, cost), then open it to record
 * who came; the recent events are listed under the form.
 * @typedef {import('../app.js').Session} Session
 */

export const t = messages({
  en: {
    title: 'New event',
    name: 'Name',
    kind: 'Kind',
    'in-person': 'In person',
    online: 'Online',
    startsDay: 'Start date',
    startsTime: 'Start time (UTC)',
    endsDay: 'End date',
    endsTime: 'End time (UTC)',
    location: 'Place or link',
    cost: 'Cost',
    costHint: 'What the event cost, e.g. {example}. Counted as community acquisition cost.',
    currency: 'Currency',
    externalId: 'External ID',
    externalIdHint: 'Your id for the event (Eventbrite, Meetup), if any.',
    create: 'Create event',
    created: 'Event created.',
    existed: 'This event was stored already, unchanged.',
    open: 'Open “{name}” to record attendance',
    recent: 'Recent events',
    noEvents: 'No event yet.',
    what: 'the events',
  },
  it: {
    title: 'Nuovo evento',
    name: 'Nome',
    kind: 'Tipo',
    'in-person': 'In presenza',
    online: 'Online',
    startsDay: 'Data di inizio',
    startsTime: 'Ora di inizio (UTC)',
    endsDay: 'Data di fine',
    endsTime: 'Ora di fine (UTC)',
    location: 'Luogo o link',
    cost: 'Costo',
    costHint:
      'Quanto è costato l’evento, per esempio {example}. Conta come costo di acquisizione della community.',
    currency: 'Valuta',
    externalId: 'ID esterno',
    externalIdHint: 'Il tuo ID per l’evento (Eventbrite, Meetup), se c’è.',
    create: 'Crea evento',
    created: 'Evento creato.',
    existed: 'Questo evento era già registrato, senza modifiche.',
    open: 'Apri “{name}” per registrare le presenze',
    recent: 'Eventi recenti',
    noEvents: 'Ancora nessun evento.',
    what: 'gli eventi',
  },
});

/**
 * @param {Record<string, any>} event
 * @returns {HTMLAnchorElement}
 */
export function eventLink(event) {
  return h(
    'a',
    { href: `#/events/${encodeURIComponent(event.id)}`, class: 'record-link' },
    event.name,
  );
}

/**
 * @param {HTMLElement} container
 * @param {Session} session
 */
export function eventCreateSection(container, session) {
  const currency = session.baseCurrency ?? 'EUR';
  const post = idempotentPost();
  const id = 'event-form';
  const recent = h('div');
  const form = writeForm({
    id,
    fields: [
      fieldBlock(id, {
        name: 'name',
        label: t('name'),
        required: true,
        wide: true,
        attributes: { maxlength: 200 },
      }),
      fieldBlock(id, {
        name: 'kind',
        label: t('kind'),
        required: true,
        value: 'in-person',
        choices: EVENT_KINDS.map((kind) => ({ value: kind, label: t(kind) })),
      }),
      fieldBlock(id, { name: 'location', label: t('location'), attributes: { maxlength: 500 } }),
      fieldBlock(id, { name: 'startsDay', label: t('startsDay'), type: 'date', required: true }),
      fieldBlock(id, { name: 'startsTime', label: t('startsTime'), type: 'time' }),
      fieldBlock(id, { name: 'endsDay', label: t('endsDay'), type: 'date' }),
      fieldBlock(id, { name: 'endsTime', label: t('endsTime'), type: 'time' }),
      ...moneyFields(id, {
        amount: 'cost',
        currency: 'currency',
        label: t('cost'),
        currencyLabel: t('currency'),
        hint: (example) => t('costHint', { example }),
        value: currency,
      }),
      fieldBlock(id, { name: 'externalId', label: t('externalId'), hint: t('externalIdHint') }),
    ],
    submitLabel: t('create'),
    build: (state) => eventBody(state, language(), currency),
    aliases: { startsAt: 'startsDay', endsAt: 'endsDay' },
    send: async (body) => {
      const { record, created } = await post('/api/v1/events', body);
      void listRecent(recent);
      return {
        text: created ? t('created') : t('existed'),
        links: h(
          'a',
          { href: `#/events/${encodeURIComponent(record.id)}`, class: 'record-link' },
          t('open', { name: record.name }),
        ),
      };
    },
  });
  container.append(card(t('title'), { id: 'event-create' }, form), recent);
  void listRecent(recent);
}

/** @param {HTMLElement} slot */
async function listRecent(slot) {
  const list = h('div');
  slot.replaceChildren(card(t('recent'), { id: 'recent-events' }, list));
  await fill(
    list,
    get('/api/v1/events', { limit: 10, order: 'desc' }),
    (/** @type {{ items: Record<string, any>[] }} */ page) =>
      page.items.length
        ? h(
            'ul',
            { class: 'plain-list' },
            page.items.map((event) =>
              h(
                'li',
                {},
                eventLink(event),
                h('span', { class: 'muted small' }, ` · ${date(event.startsAt)}`),
              ),
            ),
          )
        : emptyState(t('noEvents')),
    t('what'),
  );
}
