// @ts-check
import { get, request } from '../api.js';
import { announce, h } from '../dom.js';
import { isoDay } from '../format.js';
import { messages } from '../i18n.js';
import { card, errorState, pageHeader } from '../ui.js';
import { memberBody } from '../forms/form-body.js';
import { problemText } from '../forms/form-errors.js';
import { fieldBlock, idempotentPost, refusal, writeForm } from '../forms/form-kit.js';

/**
 * Creating a member (Log › Member) and editing one (#/members/:id/edit): name, email, external
 * ID, tags and acquisition; then their handles on platforms, added and removed one by one.
 * @typedef {Record<string, any>} ApiRecord
 * @typedef {import('../app.js').Session} Session
 */

export const t = messages({
  en: {
    createTitle: 'New member',
    editTitle: 'Edit {who}',
    edit: 'Edit',
    editLabel: 'Edit this member',
    backMember: 'Member',
    name: 'Name',
    email: 'Email',
    externalId: 'External ID',
    externalIdHint: 'Your shop’s or CRM’s id. An email or an external ID is needed.',
    tags: 'Tags',
    tagsHint: 'Separated by commas: vip, milan.',
    acquiredAt: 'Customer since',
    acquiredAtHint: 'Left empty: the date of their first order.',
    channel: 'Acquisition channel',
    channelHint: 'For example organic, referral, event, community.',
    campaign: 'Acquisition campaign',
    create: 'Create member',
    saveChanges: 'Save changes',
    created: 'Member created.',
    existed: 'This member was stored already, unchanged.',
    updated: 'Changes saved.',
    nothing: 'Nothing changed.',
    openMember: 'Open the member page',
    identities: 'Handles on platforms',
    identitiesHint: 'Mentions and reviews by these handles are credited to the member.',
    noIdentities: 'No handle yet.',
    platform: 'Platform',
    platformHint: 'Lower case: instagram, tiktok, discord.',
    handle: 'Handle',
    addIdentity: 'Add handle',
    identityAdded: 'Handle {handle} on {platform} added.',
    remove: 'Remove',
    removeLabel: 'Remove {platform} handle {handle}',
    identityRemoved: 'Handle {handle} on {platform} removed.',
    readOnly: 'Your key can read but not change members; a manager key can.',
    what: 'this member',
    details: 'Details',
  },
  it: {
    createTitle: 'Nuovo membro',
    editTitle: 'Modifica {who}',
    edit: 'Modifica',
    editLabel: 'Modifica questo membro',
    backMember: 'Membro',
    name: 'Nome',
    email: 'Email',
    externalId: 'ID esterno',
    externalIdHint: 'L’ID del tuo negozio o CRM. Serve un’email o un ID esterno.',
    tags: 'Etichette',
    tagsHint: 'Separate da virgole: vip, milano.',
    acquiredAt: 'Cliente dal',
    acquiredAtHint: 'Se vuoto: la data del primo ordine.',
    channel: 'Canale di acquisizione',
    channelHint: 'Per esempio organic, referral, event, community.',
    campaign: 'Campagna di acquisizione',
    create: 'Crea membro',
    saveChanges: 'Salva le modifiche',
    created: 'Membro creato.',
    existed: 'Questo membro era già registrato, senza modifiche.',
    updated: 'Modifiche salvate.',
    nothing: 'Nessuna modifica.',
    openMember: 'Apri la pagina del membro',
    identities: 'Nomi utente sulle piattaforme',
    identitiesHint: 'Menzioni e recensioni con questi nomi utente vengono attribuite al membro.',
    noIdentities: 'Ancora nessun nome utente.',
    platform: 'Piattaforma',
    platformHint: 'In minuscolo: instagram, tiktok, discord.',
    handle: 'Nome utente',
    addIdentity: 'Aggiungi nome utente',
    identityAdded: 'Nome utente {handle} su {platform} aggiunto.',
    remove: 'Rimuovi',
    removeLabel: 'Rimuovi il nome utente {handle} su {platform}',
    identityRemoved: 'Nome utente {handle} su {platform} rimosso.',
    readOnly: 'La tua chiave può leggere ma non modificare i membri; una chiave manager può.',
    what: 'questo membro',
    details: 'Dati',
  },
});

/**
 * The Edit action of the member page, for keys that may write.
 * @param {string} id
 * @param {Session} session
 * @returns {HTMLAnchorElement | null}
 */
export function editMemberAction(id, session) {
  if (!session.canWrite) return null;
  return h(
    'a',
    {
      class: 'button button-quiet',
      href: `#/members/${encodeURIComponent(id)}/edit`,
      id: 'edit-member',
      'aria-label': t('editLabel'),
    },
    t('edit'),
  );
}

/**
 * @param {ApiRecord} member
 * @returns {string}
 */
const who = (member) => member.name || member.email || member.externalId || member.id;

/**
 * The member's fields; `original` fills them for an edit.
 * @param {string} formId
 * @param {{ id: string, name: string }[]} campaigns
 * @param {ApiRecord} [original]
 */
function memberFields(formId, campaigns, original) {
  const value = (/** @type {string} */ field) => original?.[field] ?? '';
  return [
    fieldBlock(formId, {
      name: 'name',
      label: t('name'),
      value: value('name'),
      attributes: { autocomplete: 'off', maxlength: 200 },
    }),
    fieldBlock(formId, {
      name: 'email',
      label: t('email'),
      type: 'email',
      value: value('email'),
      attributes: { autocomplete: 'off' },
    }),
    fieldBlock(formId, {
      name: 'externalId',
      label: t('externalId'),
      value: value('externalId'),
      hint: t('externalIdHint'),
    }),
    fieldBlock(formId, {
      name: 'tags',
      label: t('tags'),
      value: (original?.tags ?? []).join(', '),
      hint: t('tagsHint'),
    }),
    fieldBlock(formId, {
      name: 'acquiredAt',
      label: t('acquiredAt'),
      type: 'date',
      value: original?.acquiredAt ? isoDay(original.acquiredAt) : '',
      hint: t('acquiredAtHint'),
    }),
    fieldBlock(formId, {
      name: 'acquisitionChannel',
      label: t('channel'),
      value: value('acquisitionChannel'),
      hint: t('channelHint'),
    }),
    campaigns.length || original?.acquisitionCampaignId
      ? fieldBlock(formId, {
          name: 'acquisitionCampaignId',
          label: t('campaign'),
          value: value('acquisitionCampaignId'),
          choices: campaigns.map((campaign) => ({ value: campaign.id, label: campaign.name })),
        })
      : null,
  ];
}

/** @returns {Promise<{ id: string, name: string }[]>} */
async function campaignChoices() {
  const page = await get('/api/v1/campaigns', { limit: 200 }).catch(() => null);
  return page?.items ?? [];
}

/**
 * The create form; once stored, the member's handles can be added below it.
 * @param {HTMLElement} container
 */
export async function memberCreateSection(container) {
  const campaigns = await campaignChoices();
  const post = idempotentPost();
  const identitiesSlot = h('div');
  const form = writeForm({
    id: 'member-form',
    fields: memberFields('member-form', campaigns),
    submitLabel: t('create'),
    build: (state) => memberBody(state),
    send: async (body) => {
      const { record, created } = await post('/api/v1/members', body);
      identitiesSlot.replaceChildren(identitiesEditor(record.id));
      return {
        text: created ? t('created') : t('existed'),
        links: h(
          'a',
          { href: `#/members/${record.id}`, class: 'record-link' },
          t('openMember'),
          ` (${who(record)})`,
        ),
      };
    },
  });
  container.append(card(t('createTitle'), { id: 'member-create' }, form), identitiesSlot);
}

/**
 * A member's handles: the list with Remove buttons and a form to add one.
 * @param {string} memberId
 * @returns {HTMLElement}
 */
export function identitiesEditor(memberId) {
  const list = h('ul', { class: 'identity-list', id: 'identity-list' });
  const rowError = h('p', { class: 'form-error', role: 'alert' });
  const path = `/api/v1/members/${encodeURIComponent(memberId)}/identities`;
  const refresh = async () => {
    /** @type {{ items: { id: string, platform: string, handle: string }[] }} */
    const page = await get(path, { limit: 200 });
    list.replaceChildren(
      ...(page.items.length
        ? page.items.map((identity) =>
            h(
              'li',
              { class: 'identity-row', dataset: { identityId: identity.id } },
              h('span', { class: 'chip identity' }, `${identity.platform} · ${identity.handle}`),
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-danger button-small',
                  'aria-label': t('removeLabel', identity),
                  onclick: async (/** @type {Event} */ event) => {
                    const button = /** @type {HTMLButtonElement} */ (event.currentTarget);
                    button.disabled = true;
                    rowError.textContent = '';
                    try {
                      await request('DELETE', `${path}/${identity.id}`);
                      announce(t('identityRemoved', identity));
                      await refresh();
                    } catch (error) {
                      const { problems, code, message } = refusal(error);
                      rowError.textContent = problems.length
                        ? problems.map((problem) => problemText(problem, code)).join(' ')
                        : problemText({ code: code ?? '', reason: message }, code);
                      button.disabled = false;
                    }
                  },
                },
                t('remove'),
              ),
            ),
          )
        : [h('li', { class: 'muted' }, t('noIdentities'))]),
    );
  };
  const post = idempotentPost();
  const form = writeForm({
    id: 'identity-form',
    className: 'form-inline',
    fields: [
      fieldBlock('identity-form', {
        name: 'platform',
        label: t('platform'),
        required: true,
        hint: t('platformHint'),
      }),
      fieldBlock('identity-form', { name: 'handle', label: t('handle'), required: true }),
    ],
    submitLabel: t('addIdentity'),
    build: (state) => {
      const platform = (state.platform ?? '').trim().toLowerCase();
      const handle = (state.handle ?? '').trim();
      /** @type {import('../forms/form-body.js').Problem[]} */
      const problems = [];
      if (!platform) problems.push({ field: 'platform', code: 'isNotEmpty' });
      else if (platform.length > 32 || !/^[a-z0-9][a-z0-9_.-]*$/.test(platform))
        problems.push({ field: 'platform', code: 'matches' });
      if (!handle) problems.push({ field: 'handle', code: 'isNotEmpty' });
      else if (handle.length > 200) problems.push({ field: 'handle', code: 'maxLength' });
      return { body: { platform, handle }, problems };
    },
    send: async (body) => {
      const { record } = await post(path, body);
      await refresh();
      for (const input of form.querySelectorAll('input')) input.value = '';
      return { text: t('identityAdded', record) };
    },
  });
  const section = card(
    t('identities'),
    { id: 'identities', description: t('identitiesHint') },
    list,
    rowError,
    form,
  );
  void refresh().catch((error) => list.replaceChildren(h('li', {}, errorState(error, t('what')))));
  return section;
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { match, session, isCurrent }) {
  const id = decodeURIComponent(/** @type {RegExpMatchArray} */ (match)[1]);
  const back = { href: `#/members/${encodeURIComponent(id)}`, label: t('backMember') };
  /** @type {ApiRecord} */
  let original;
  try {
    original = await get(`/api/v1/members/${encodeURIComponent(id)}`);
  } catch (error) {
    container.append(pageHeader(t('backMember'), { back }), errorState(error, t('what')));
    return;
  }
  const campaigns = await campaignChoices();
  if (!isCurrent()) return;
  container.append(pageHeader(t('editTitle', { who: who(original) }), { back }));
  if (!session.canWrite) {
    container.append(h('p', { class: 'notice' }, t('readOnly')));
    return;
  }
  const form = writeForm({
    id: 'member-form',
    fields: memberFields('member-form', campaigns, original),
    submitLabel: t('saveChanges'),
    build: (state) => memberBody(state, { original }),
    send: async (body) => {
      const link = h('a', { href: back.href, class: 'record-link' }, t('openMember'));
      if (!Object.keys(body).length) return { text: t('nothing'), links: link };
      original = await request('PATCH', `/api/v1/members/${encodeURIComponent(id)}`, { body });
      return { text: t('updated'), links: link };
    },
  });
  container.append(card(t('details'), { id: 'member-edit' }, form), identitiesEditor(id));
}
