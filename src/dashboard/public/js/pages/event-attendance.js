// @ts-check
import { get, request } from '../api.js';
import { announce, h } from '../dom.js';
import { date, money } from '../format.js';
import { messages } from '../i18n.js';
import { badge, card, emptyState, errorState, pageHeader } from '../ui.js';
import { attendanceBody } from '../forms/form-body.js';
import { problemText } from '../forms/form-errors.js';
import { fieldBlock, idempotentPost, refusal, writeForm } from '../forms/form-kit.js';
import { memberPicker } from '../forms/member-picker.js';
import { membersById } from './queue.js';

/**
 * An event and its attendance (#/events/:id): the people recorded, chosen with checkboxes and
 * marked attended or no-show in one action; above, a form that adds a member found as one
 * types, or a guest by email, with the guests they brought.
 * @typedef {Record<string, any>} ApiRecord
 */

export const t = messages({
  en: {
    back: 'Log an event',
    facts: '{kind} · {when}',
    'in-person': 'In person',
    online: 'Online',
    cost: 'cost {amount}',
    add: 'Add people',
    addHint: 'Find a member by name, email or ID, or give the email of someone not yet a member.',
    member: 'Member',
    email: 'Or a guest’s email',
    emailHint: 'Someone who is not a member yet: they are linked when they become one.',
    role: 'Role',
    attendee: 'Attendee',
    speaker: 'Speaker',
    host: 'Host',
    volunteer: 'Volunteer',
    guests: 'Guests they brought',
    guestsHint: 'Emails separated by commas.',
    addSubmit: 'Add to the event',
    added: '{who} added.',
    existed: '{who} was recorded already.',
    list: 'Attendance',
    listHint: 'Choose people, then mark them attended or no-show.',
    empty: 'Nobody is recorded at this event yet.',
    selectAll: 'Choose everyone',
    choose: 'Choose {who}',
    markAttended: 'Mark attended',
    markNoShow: 'Mark no-show',
    registered: 'Registered',
    attended: 'Attended',
    'no-show': 'No-show',
    noneChosen: 'Choose at least one person first.',
    marked: ({ count, status }) =>
      `${count === 1 ? 'One person' : `${count} people`} marked ${status === 'attended' ? 'attended' : 'no-show'}.`,
    failed: ({ count }) =>
      count === 1 ? 'One change was refused:' : `${count} changes were refused:`,
    registeredAt: 'registered {when}',
    attendedAt: 'attended {when}',
    noShowAt: 'no-show {when}',
    guestCount: ({ count }) => (count === 1 ? 'brought 1 guest' : `brought ${count} guests`),
    what: 'this event',
  },
  it: {
    back: 'Registra un evento',
    facts: '{kind} · {when}',
    'in-person': 'In presenza',
    online: 'Online',
    cost: 'costo {amount}',
    add: 'Aggiungi persone',
    addHint:
      'Cerca un membro per nome, email o ID, oppure indica l’email di chi non è ancora membro.',
    member: 'Membro',
    email: 'Oppure l’email di un ospite',
    emailHint: 'Qualcuno che non è ancora membro: verrà collegato quando lo diventa.',
    role: 'Ruolo',
    attendee: 'Partecipante',
    speaker: 'Relatore',
    host: 'Organizzatore',
    volunteer: 'Volontario',
    guests: 'Ospiti portati',
    guestsHint: 'Email separate da virgole.',
    addSubmit: 'Aggiungi all’evento',
    added: '{who} aggiunto.',
    existed: '{who} era già registrato.',
    list: 'Presenze',
    listHint: 'Scegli le persone, poi segnale come presenti o assenti.',
    empty: 'Ancora nessuno registrato a questo evento.',
    selectAll: 'Scegli tutti',
    choose: 'Scegli {who}',
    markAttended: 'Segna presenti',
    markNoShow: 'Segna assenti',
    registered: 'Iscritto',
    attended: 'Presente',
    'no-show': 'Assente',
    noneChosen: 'Scegli prima almeno una persona.',
    marked: ({ count, status }) =>
      `${count === 1 ? 'Una persona segnata' : `${count} persone segnate`} come ${status === 'attended' ? (count === 1 ? 'presente' : 'presenti') : count === 1 ? 'assente' : 'assenti'}.`,
    failed: ({ count }) =>
      count === 1 ? 'Una modifica è stata rifiutata:' : `${count} modifiche sono state rifiutate:`,
    registeredAt: 'iscritto il {when}',
    attendedAt: 'presente il {when}',
    noShowAt: 'assente il {when}',
    guestCount: ({ count }) => (count === 1 ? 'ha portato 1 ospite' : `ha portato ${count} ospiti`),
    what: 'questo evento',
  },
});

const ROLES = /** @type {const} */ (['attendee', 'speaker', 'host', 'volunteer']);

/**
 * @param {ApiRecord} attendance
 * @param {Map<string, import('../ui.js').MemberRef | null>} members
 * @returns {string}
 */
function personOf(attendance, members) {
  const member = attendance.memberId ? members.get(attendance.memberId) : null;
  return member?.name || member?.email || attendance.email || attendance.memberId || '—';
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { match, session, isCurrent }) {
  const id = decodeURIComponent(/** @type {RegExpMatchArray} */ (match)[1]);
  const back = { href: '#/log/event', label: t('back') };
  const path = `/api/v1/events/${encodeURIComponent(id)}`;
  /** @type {ApiRecord} */
  let event;
  try {
    event = await get(path);
  } catch (error) {
    container.append(pageHeader(t('list'), { back }), errorState(error, t('what')));
    return;
  }
  if (!isCurrent()) return;
  const facts = [
    t('facts', { kind: t(event.kind), when: date(event.startsAt) }),
    event.location,
    Number(event.cost) > 0 ? t('cost', { amount: money(event.cost, event.currency) }) : null,
  ].filter(Boolean);
  container.append(
    pageHeader(event.name, {
      back: session.canWrite ? back : undefined,
      subtitle: facts.join(' · '),
    }),
  );

  const listSlot = h('div', { id: 'attendance-list' });
  const refresh = () => attendanceList(listSlot, `${path}/attendance`, Boolean(session.canWrite));
  if (session.canWrite) container.append(addPeople(`${path}/attendance`, refresh));
  container.append(
    card(
      t('list'),
      { id: 'attendance', description: session.canWrite ? t('listHint') : undefined },
      listSlot,
    ),
  );
  await refresh();
}

/**
 * @param {string} path the event's attendance
 * @param {() => Promise<void>} refresh
 */
function addPeople(path, refresh) {
  const id = 'attendance-form';
  const post = idempotentPost();
  /** @type {string} */
  let chosen = '';
  const form = writeForm({
    id,
    fields: [
      memberPicker(id, {
        name: 'memberId',
        label: t('member'),
        onPick: (member) => (chosen = member ? member.name || member.email || member.id : ''),
      }),
      fieldBlock(id, {
        name: 'email',
        label: t('email'),
        type: 'email',
        hint: t('emailHint'),
        attributes: { autocomplete: 'off' },
      }),
      fieldBlock(id, {
        name: 'role',
        label: t('role'),
        required: true,
        value: 'attendee',
        choices: ROLES.map((role) => ({ value: role, label: t(role) })),
      }),
      fieldBlock(id, {
        name: 'guestEmails',
        label: t('guests'),
        hint: t('guestsHint'),
        attributes: { autocomplete: 'off' },
      }),
    ],
    submitLabel: t('addSubmit'),
    build: (state) => attendanceBody(state),
    aliases: { memberEmail: 'email', memberExternalId: 'memberId' },
    send: async (body) => {
      const { created } = await post(path, body);
      const who = body.memberId ? chosen : String(body.email);
      await refresh();
      const picker = form.querySelector('.picker-search');
      for (const input of form.querySelectorAll('input'))
        if (input.type !== 'hidden' || input.name === 'memberId') input.value = '';
      form.querySelector('.picker-picked')?.replaceChildren();
      /** @type {HTMLElement | null} */ (picker)?.focus();
      return { text: created ? t('added', { who }) : t('existed', { who }) };
    },
  });
  return card(t('add'), { id: 'attendance-add', description: t('addHint') }, form);
}

/**
 * @param {HTMLElement} slot
 * @param {string} path
 * @param {boolean} canWrite
 */
async function attendanceList(slot, path, canWrite) {
  /** @type {{ items: ApiRecord[] }} */
  let page;
  try {
    page = await get(path, { limit: 200 });
  } catch (error) {
    slot.replaceChildren(errorState(error, t('what')));
    return;
  }
  if (!page.items.length) {
    slot.replaceChildren(emptyState(t('empty')));
    return;
  }
  const members = await membersById(page.items.map((attendance) => attendance.memberId));
  const outcome = h('div', { class: 'bulk-outcome', role: 'status' });
  const rows = page.items.map((attendance) => {
    const who = personOf(attendance, members);
    const checkboxId = `attendance-${attendance.id}`;
    const dates = [
      t('registeredAt', { when: date(attendance.registeredAt) }),
      attendance.attendedAt ? t('attendedAt', { when: date(attendance.attendedAt) }) : null,
      attendance.noShowAt ? t('noShowAt', { when: date(attendance.noShowAt) }) : null,
      attendance.guests?.length ? t('guestCount', { count: attendance.guests.length }) : null,
    ].filter(Boolean);
    const tone =
      attendance.status === 'attended'
        ? 'good'
        : attendance.status === 'no-show'
          ? 'warn'
          : 'muted';
    return h(
      'li',
      {
        class: 'attendance-row',
        dataset: { attendanceId: attendance.id, status: attendance.status },
      },
      canWrite
        ? h('input', {
            type: 'checkbox',
            id: checkboxId,
            class: 'attendance-check',
            value: attendance.id,
            dataset: { who },
            'aria-label': t('choose', { who }),
          })
        : null,
      h(
        'div',
        { class: 'attendance-main' },
        h(
          'p',
          { class: 'attendance-who' },
          attendance.memberId ? h('a', { href: `#/members/${attendance.memberId}` }, who) : who,
          ' ',
          badge(t(attendance.role), 'muted'),
        ),
        h('p', { class: 'muted small' }, dates.join(' · ')),
      ),
      badge(t(attendance.status), `${tone} attendance-status`),
    );
  });
  const list = h('ul', { class: 'attendance-list' }, rows);
  if (!canWrite) {
    slot.replaceChildren(list);
    return;
  }
  const selectAll = h('input', { type: 'checkbox', id: 'attendance-all' });
  const checks = () =>
    /** @type {HTMLInputElement[]} */ ([...list.querySelectorAll('.attendance-check')]);
  selectAll.addEventListener('change', () => {
    for (const check of checks()) check.checked = selectAll.checked;
  });
  /** @param {'attended' | 'no-show'} status */
  const mark = async (status) => {
    const chosen = checks().filter((check) => check.checked);
    if (!chosen.length) {
      outcome.replaceChildren(h('p', { class: 'form-error' }, t('noneChosen')));
      return;
    }
    for (const button of bar.querySelectorAll('button')) button.disabled = true;
    /** @type {string[]} */
    const failures = [];
    let done = 0;
    // One at a time: each is its own dated change, and SQLite writes one at a time anyway.
    for (const check of chosen) {
      try {
        await request('PATCH', `${path}/${check.value}`, { body: { status } });
        done += 1;
      } catch (error) {
        const { problems, code, message } = refusal(error);
        const reason = problems.length
          ? problems.map((problem) => problemText(problem, code)).join(' ')
          : problemText({ code: code ?? '', reason: message }, code);
        failures.push(`${check.dataset.who ?? check.value}: ${reason}`);
      }
    }
    await attendanceList(slot, path, canWrite);
    const summary = /** @type {HTMLElement} */ (slot.querySelector('.bulk-outcome'));
    summary?.replaceChildren(
      h(
        'div',
        {},
        done ? h('p', {}, t('marked', { count: done, status })) : null,
        failures.length
          ? h(
              'div',
              { class: 'form-error' },
              h('p', {}, t('failed', { count: failures.length })),
              h(
                'ul',
                {},
                failures.map((failure) => h('li', {}, failure)),
              ),
            )
          : null,
      ),
    );
    announce(
      [
        done ? t('marked', { count: done, status }) : '',
        failures.length ? t('failed', { count: failures.length }) : '',
      ].join(' '),
    );
  };
  const bar = h(
    'div',
    { class: 'bulk-bar' },
    h('label', { class: 'check-all', for: 'attendance-all' }, selectAll, ' ', t('selectAll')),
    h(
      'div',
      { class: 'bulk-actions' },
      h(
        'button',
        {
          type: 'button',
          class: 'button button-primary',
          id: 'mark-attended',
          onclick: () => void mark('attended'),
        },
        t('markAttended'),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-quiet',
          id: 'mark-no-show',
          onclick: () => void mark('no-show'),
        },
        t('markNoShow'),
      ),
    ),
  );
  slot.replaceChildren(bar, outcome, list);
}
