// @ts-check
import { get, request } from '../api.js';
import { h } from '../dom.js';
import { date, isoDay } from '../format.js';
import { messages } from '../i18n.js';
import { badge, card, emptyState, errorState, memberLink } from '../ui.js';
import {
  FEEDBACK_KINDS,
  FEEDBACK_NEXT,
  feedbackBody,
  feedbackStatusBody,
} from '../forms/form-body.js';
import { fieldBlock, idempotentPost, recordLink, writeForm } from '../forms/form-kit.js';
import { memberPicker } from '../forms/member-picker.js';
import { membersById } from './queue.js';

/**
 * Log › Feedback: a new item (idea, bug, praise) and the latest items with their status moved
 * on as the API's state machine allows (submitted → accepted → shipped, or declined).
 * @typedef {Record<string, any>} ApiRecord
 */

export const t = messages({
  en: {
    title: 'New feedback',
    member: 'From member',
    kind: 'Kind',
    idea: 'Idea',
    bug: 'Bug',
    praise: 'Praise',
    text: 'What they said',
    submittedAt: 'Submitted on',
    submittedAtHint: 'Left empty: today.',
    externalId: 'External ID',
    save: 'Save feedback',
    saved: 'Feedback saved.',
    unchanged: 'Stored already, unchanged.',
    latest: 'Latest feedback',
    latestHint: 'Move an item on: accepted, then shipped; or declined.',
    none: 'No feedback yet.',
    submitted: 'Submitted',
    accepted: 'Accepted',
    shipped: 'Shipped',
    declined: 'Declined',
    newStatus: 'New status',
    statusDay: 'On',
    statusDayHint: 'Left empty: today.',
    change: 'Change status',
    changed: 'Status changed to {status}.',
    final: 'Final: no further change.',
    what: 'the feedback',
    openMember: 'Open the member page',
  },
  it: {
    title: 'Nuovo feedback',
    member: 'Dal membro',
    kind: 'Tipo',
    idea: 'Idea',
    bug: 'Problema',
    praise: 'Apprezzamento',
    text: 'Cosa ha scritto',
    submittedAt: 'Inviato il',
    submittedAtHint: 'Se vuoto: oggi.',
    externalId: 'ID esterno',
    save: 'Salva feedback',
    saved: 'Feedback salvato.',
    unchanged: 'Già registrato, senza modifiche.',
    latest: 'Feedback recenti',
    latestHint: 'Fai avanzare un feedback: accettato, poi rilasciato; oppure rifiutato.',
    none: 'Ancora nessun feedback.',
    submitted: 'Inviato',
    accepted: 'Accettato',
    shipped: 'Rilasciato',
    declined: 'Rifiutato',
    newStatus: 'Nuovo stato',
    statusDay: 'Il',
    statusDayHint: 'Se vuoto: oggi.',
    change: 'Cambia stato',
    changed: 'Stato cambiato in {status}.',
    final: 'Stato finale: non cambia più.',
    what: 'i feedback',
    openMember: 'Apri la pagina del membro',
  },
});

/** @param {HTMLElement} container */
export function feedbackSection(container) {
  const id = 'feedback-form';
  const post = idempotentPost();
  const latest = h('div', { id: 'feedback-latest' });
  const form = writeForm({
    id,
    fields: [
      memberPicker(id, { name: 'memberId', label: t('member'), required: true }),
      fieldBlock(id, {
        name: 'kind',
        label: t('kind'),
        required: true,
        value: 'idea',
        choices: FEEDBACK_KINDS.map((kind) => ({ value: kind, label: t(kind) })),
      }),
      fieldBlock(id, {
        name: 'text',
        label: t('text'),
        type: 'textarea',
        required: true,
        wide: true,
      }),
      fieldBlock(id, {
        name: 'submittedAt',
        label: t('submittedAt'),
        type: 'date',
        hint: t('submittedAtHint'),
      }),
      fieldBlock(id, { name: 'externalId', label: t('externalId') }),
    ],
    submitLabel: t('save'),
    build: (state) => feedbackBody(state),
    aliases: {
      memberEmail: 'memberId',
      memberExternalId: 'memberId',
      handle: 'memberId',
      platform: 'memberId',
    },
    send: async (body) => {
      const { record, created } = await post('/api/v1/feedback', body);
      await listLatest(latest);
      return {
        text: created ? t('saved') : t('unchanged'),
        links: h(
          'span',
          {},
          recordLink(`/api/v1/feedback/${encodeURIComponent(record.id)}`),
          ' · ',
          h(
            'a',
            { href: `#/members/${encodeURIComponent(record.memberId)}`, class: 'record-link' },
            t('openMember'),
          ),
        ),
      };
    },
  });
  container.append(
    card(t('title'), { id: 'feedback-create' }, form),
    card(t('latest'), { id: 'feedback-list', description: t('latestHint') }, latest),
  );
  void listLatest(latest);
}

/**
 * @param {HTMLElement} slot
 * @param {string} [message] what the last change did, said above the list
 */
async function listLatest(slot, message = '') {
  /** @type {{ items: ApiRecord[] }} */
  let page;
  try {
    page = await get('/api/v1/feedback', { limit: 20 });
  } catch (error) {
    slot.replaceChildren(errorState(error, t('what')));
    return;
  }
  if (!page.items.length) {
    slot.replaceChildren(emptyState(t('none')));
    return;
  }
  const members = await membersById(page.items.map((item) => item.memberId));
  slot.replaceChildren(
    h('p', { class: 'form-success', role: 'status', id: 'feedback-changed' }, message),
    h(
      'ul',
      { class: 'feedback-items' },
      page.items.map((item) => feedbackRow(item, members.get(item.memberId) ?? null, slot)),
    ),
  );
}

/**
 * @param {ApiRecord} item
 * @param {import('../ui.js').MemberRef | null} member
 * @param {HTMLElement} slot the list, drawn again after a change
 */
function feedbackRow(item, member, slot) {
  const next = FEEDBACK_NEXT[item.status] ?? [];
  const formId = `feedback-status-${item.id}`;
  const tone = item.status === 'shipped' ? 'good' : item.status === 'declined' ? 'warn' : 'muted';
  return h(
    'li',
    { class: 'feedback-item', dataset: { feedbackId: item.id, status: item.status } },
    h(
      'div',
      { class: 'feedback-main' },
      h(
        'p',
        { class: 'feedback-meta' },
        badge(t(item.kind), 'accent'),
        ' ',
        badge(t(item.status), `${tone} feedback-status`),
        ' ',
        memberLink({ ...member, id: item.memberId }),
        h('span', { class: 'muted small' }, ` · ${date(item.submittedAt)}`),
      ),
      h('p', { class: 'feedback-text' }, item.text),
    ),
    next.length
      ? writeForm({
          id: formId,
          className: 'form-inline',
          fields: [
            fieldBlock(formId, {
              name: 'status',
              label: t('newStatus'),
              required: true,
              value: next[0],
              choices: next.map((status) => ({
                value: status,
                label: t(/** @type {'accepted'} */ (status)),
              })),
            }),
            fieldBlock(formId, {
              name: 'day',
              label: t('statusDay'),
              type: 'date',
              hint: t('statusDayHint'),
              attributes: { max: isoDay(Date.now() + 86_400_000) },
            }),
          ],
          submitLabel: t('change'),
          build: (state) => feedbackStatusBody(item.status, state),
          aliases: { acceptedAt: 'day', shippedAt: 'day', declinedAt: 'day' },
          send: async (body) => {
            await request('PATCH', `/api/v1/feedback/${encodeURIComponent(item.id)}`, { body });
            const text = t('changed', {
              status: t(/** @type {'accepted'} */ (String(body.status))),
            });
            await listLatest(slot, text);
            return { text };
          },
        })
      : h('p', { class: 'muted small' }, t('final')),
  );
}
