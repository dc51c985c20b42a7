// @ts-check
import { h } from '../dom.js';
import { isoDay } from '../format.js';
import { language, messages } from '../i18n.js';
import { card } from '../ui.js';
import { REFERRAL_STATUSES, mentionBody, referralBody, reviewBody } from '../forms/form-body.js';
import {
  fieldBlock,
  idempotentPost,
  moneyFields,
  recordLink,
  writeForm,
} from '../forms/form-kit.js';
import { memberPicker } from '../forms/member-picker.js';

/**
 * Log › Review, Mention and Referral: one form each, sent with an Idempotency-Key; the note
 * after saving links the stored record (its JSON in the API) and the member it belongs to.
 * @typedef {import('../app.js').Session} Session
 * @typedef {Record<string, any>} ApiRecord
 */

export const t = messages({
  en: {
    reviewTitle: 'New review',
    mentionTitle: 'New mention',
    referralTitle: 'New referral',
    member: 'Member',
    reviewer: 'Reviewer',
    reviewerHint: 'Or leave empty and give their handle on the platform.',
    handle: 'Handle',
    reviewHandleHint: 'Their handle on the platform, when they are not chosen above.',
    mentionHandleHint: 'The author’s handle; finds the member through their handles.',
    mentionMemberHint: 'Only when the handle is not yet one of a member’s.',
    platform: 'Platform',
    platformHint: 'Lower case: google, trustpilot, instagram.',
    product: 'Product',
    rating: 'Rating',
    stars: ({ count }) => (count === 1 ? '1 star' : `${count} stars`),
    reviewTitleField: 'Title',
    body: 'Text',
    url: 'Address (URL)',
    reviewUrlHint: 'Required without an external ID.',
    publishedAt: 'Published on',
    postedAt: 'Posted on',
    views: 'Views',
    helpfulVotes: 'Helpful votes',
    reach: 'Reach',
    likes: 'Likes',
    shares: 'Shares',
    comments: 'Comments',
    clicks: 'Link clicks',
    externalId: 'External ID',
    externalPostId: 'Post ID on the platform',
    referrer: 'Referrer',
    referee: 'Referred member',
    refereeHint: 'When they are already a member.',
    refereeEmail: 'Or the referred person’s email',
    refereeEmailHint: 'Someone not yet a member: the referral links when they sign up.',
    invitedAt: 'Invited on',
    invitedAtHint: 'Left empty: today.',
    status: 'Status',
    invited: 'Invited',
    signed_up: 'Signed up',
    channel: 'Channel',
    channelHint: 'How the invitation travelled: email, link, social, in-person, code.',
    rewardCost: 'Reward paid',
    rewardHint: 'Paid to the referrer, e.g. {example}.',
    rewardCurrency: 'Currency',
    saveReview: 'Save review',
    saveMention: 'Save mention',
    saveReferral: 'Save referral',
    reviewSaved: 'Review saved.',
    mentionSaved: 'Mention saved.',
    referralSaved: 'Referral saved.',
    unchanged: 'Stored already, unchanged.',
    flagged: 'Flagged for review: it waits in the review queues.',
    openMember: 'Open the member page',
    figures: 'Figures',
  },
  it: {
    reviewTitle: 'Nuova recensione',
    mentionTitle: 'Nuova menzione',
    referralTitle: 'Nuovo invito',
    member: 'Membro',
    reviewer: 'Autore della recensione',
    reviewerHint: 'Oppure lascia vuoto e indica il suo nome utente sulla piattaforma.',
    handle: 'Nome utente',
    reviewHandleHint: 'Il suo nome utente sulla piattaforma, se non è scelto sopra.',
    mentionHandleHint: 'Il nome utente dell’autore; trova il membro tramite i suoi nomi utente.',
    mentionMemberHint: 'Solo se il nome utente non è ancora di un membro.',
    platform: 'Piattaforma',
    platformHint: 'In minuscolo: google, trustpilot, instagram.',
    product: 'Prodotto',
    rating: 'Voto',
    stars: ({ count }) => (count === 1 ? '1 stella' : `${count} stelle`),
    reviewTitleField: 'Titolo',
    body: 'Testo',
    url: 'Indirizzo (URL)',
    reviewUrlHint: 'Obbligatorio senza ID esterno.',
    publishedAt: 'Pubblicata il',
    postedAt: 'Pubblicata il',
    views: 'Visualizzazioni',
    helpfulVotes: 'Voti «utile»',
    reach: 'Copertura',
    likes: 'Mi piace',
    shares: 'Condivisioni',
    comments: 'Commenti',
    clicks: 'Clic sul link',
    externalId: 'ID esterno',
    externalPostId: 'ID del post sulla piattaforma',
    referrer: 'Chi invita',
    referee: 'Membro invitato',
    refereeHint: 'Se è già un membro.',
    refereeEmail: 'Oppure l’email della persona invitata',
    refereeEmailHint: 'Chi non è ancora membro: l’invito si collega quando si iscrive.',
    invitedAt: 'Invitato il',
    invitedAtHint: 'Se vuoto: oggi.',
    status: 'Stato',
    invited: 'Invitato',
    signed_up: 'Iscritto',
    channel: 'Canale',
    channelHint: 'Come è arrivato l’invito: email, link, social, in-person, code.',
    rewardCost: 'Premio pagato',
    rewardHint: 'Pagato a chi invita, per esempio {example}.',
    rewardCurrency: 'Valuta',
    saveReview: 'Salva recensione',
    saveMention: 'Salva menzione',
    saveReferral: 'Salva invito',
    reviewSaved: 'Recensione salvata.',
    mentionSaved: 'Menzione salvata.',
    referralSaved: 'Invito salvato.',
    unchanged: 'Già registrato, senza modifiche.',
    flagged: 'Segnalato per verifica: attende nelle code di revisione.',
    openMember: 'Apri la pagina del membro',
    figures: 'Numeri',
  },
});

/** Where the member of a record is named otherwise than by the picker. */
const MEMBER_ALIASES = { memberEmail: 'memberId', memberExternalId: 'memberId' };

/**
 * The note after a save: the record's JSON in the API, and its member's page.
 * @param {string} collection
 * @param {ApiRecord} record
 * @param {string | null | undefined} memberId
 */
function savedLinks(collection, record, memberId) {
  return h(
    'span',
    { class: 'record-links' },
    recordLink(`/api/v1/${collection}/${encodeURIComponent(record.id)}`),
    memberId
      ? [
          ' · ',
          h(
            'a',
            { href: `#/members/${encodeURIComponent(memberId)}`, class: 'record-link' },
            t('openMember'),
          ),
        ]
      : null,
  );
}

/**
 * The counters of a post, side by side in their own group.
 * @param {string} formId
 * @param {string[]} names
 */
const counters = (formId, names) =>
  h(
    'fieldset',
    { class: 'field-wide counter-group' },
    h('legend', {}, t('figures')),
    h(
      'div',
      { class: 'counter-grid' },
      names.map((name) =>
        fieldBlock(formId, {
          name,
          label: t(/** @type {'views'} */ (name)),
          attributes: { inputmode: 'numeric' },
        }),
      ),
    ),
  );

/** @param {HTMLElement} container */
export function reviewSection(container) {
  const id = 'review-form';
  const post = idempotentPost();
  const form = writeForm({
    id,
    fields: [
      memberPicker(id, { name: 'memberId', label: t('reviewer'), hint: t('reviewerHint') }),
      fieldBlock(id, { name: 'handle', label: t('handle'), hint: t('reviewHandleHint') }),
      fieldBlock(id, {
        name: 'platform',
        label: t('platform'),
        required: true,
        hint: t('platformHint'),
      }),
      fieldBlock(id, { name: 'product', label: t('product'), required: true }),
      fieldBlock(id, {
        name: 'rating',
        label: t('rating'),
        required: true,
        value: '5',
        choices: [5, 4, 3, 2, 1].map((count) => ({
          value: String(count),
          label: t('stars', { count }),
        })),
      }),
      fieldBlock(id, {
        name: 'publishedAt',
        label: t('publishedAt'),
        type: 'date',
        required: true,
        value: isoDay(Date.now()),
      }),
      fieldBlock(id, {
        name: 'title',
        label: t('reviewTitleField'),
        wide: true,
        attributes: { maxlength: 300 },
      }),
      fieldBlock(id, { name: 'body', label: t('body'), type: 'textarea', wide: true }),
      fieldBlock(id, {
        name: 'url',
        label: t('url'),
        type: 'url',
        hint: t('reviewUrlHint'),
        wide: true,
      }),
      fieldBlock(id, { name: 'externalId', label: t('externalId') }),
      counters(id, ['views', 'helpfulVotes']),
    ],
    submitLabel: t('saveReview'),
    build: (state) => reviewBody(state),
    aliases: MEMBER_ALIASES,
    send: async (body) => {
      const { record, created } = await post('/api/v1/reviews', body);
      return {
        text: created ? t('reviewSaved') : t('unchanged'),
        links: savedLinks('reviews', record, record.memberId),
      };
    },
  });
  container.append(card(t('reviewTitle'), { id: 'review-create' }, form));
}

/** @param {HTMLElement} container */
export function mentionSection(container) {
  const id = 'mention-form';
  const post = idempotentPost();
  const form = writeForm({
    id,
    fields: [
      fieldBlock(id, {
        name: 'platform',
        label: t('platform'),
        required: true,
        hint: t('platformHint'),
      }),
      fieldBlock(id, {
        name: 'handle',
        label: t('handle'),
        required: true,
        hint: t('mentionHandleHint'),
      }),
      fieldBlock(id, { name: 'url', label: t('url'), type: 'url', required: true, wide: true }),
      fieldBlock(id, {
        name: 'postedAt',
        label: t('postedAt'),
        type: 'date',
        required: true,
        value: isoDay(Date.now()),
      }),
      memberPicker(id, { name: 'memberId', label: t('member'), hint: t('mentionMemberHint') }),
      counters(id, ['reach', 'likes', 'shares', 'comments', 'clicks']),
      fieldBlock(id, { name: 'externalPostId', label: t('externalPostId') }),
    ],
    submitLabel: t('saveMention'),
    build: (state) => mentionBody(state),
    aliases: MEMBER_ALIASES,
    send: async (body) => {
      const { record, created } = await post('/api/v1/mentions', body);
      return {
        text: created ? t('mentionSaved') : t('unchanged'),
        links: savedLinks('mentions', record, record.memberId),
      };
    },
  });
  container.append(card(t('mentionTitle'), { id: 'mention-create' }, form));
}

/**
 * @param {HTMLElement} container
 * @param {Session} session
 */
export function referralSection(container, session) {
  const id = 'referral-form';
  const currency = session.baseCurrency ?? 'EUR';
  const post = idempotentPost();
  const form = writeForm({
    id,
    fields: [
      memberPicker(id, { name: 'referrerId', label: t('referrer'), required: true }),
      memberPicker(id, { name: 'refereeId', label: t('referee'), hint: t('refereeHint') }),
      fieldBlock(id, {
        name: 'refereeEmail',
        label: t('refereeEmail'),
        type: 'email',
        hint: t('refereeEmailHint'),
        attributes: { autocomplete: 'off' },
      }),
      fieldBlock(id, {
        name: 'invitedAt',
        label: t('invitedAt'),
        type: 'date',
        hint: t('invitedAtHint'),
      }),
      fieldBlock(id, {
        name: 'status',
        label: t('status'),
        value: 'invited',
        required: true,
        choices: REFERRAL_STATUSES.map((status) => ({ value: status, label: t(status) })),
      }),
      fieldBlock(id, { name: 'channel', label: t('channel'), hint: t('channelHint') }),
      ...moneyFields(id, {
        amount: 'rewardCost',
        currency: 'rewardCurrency',
        label: t('rewardCost'),
        currencyLabel: t('rewardCurrency'),
        hint: (example) => t('rewardHint', { example }),
        value: currency,
      }),
      fieldBlock(id, { name: 'externalId', label: t('externalId') }),
    ],
    submitLabel: t('saveReferral'),
    build: (state) => referralBody(state, language(), currency),
    aliases: {
      referrerEmail: 'referrerId',
      referrerExternalId: 'referrerId',
      code: 'referrerId',
      refereeExternalId: 'refereeId',
      signedUpAt: 'status',
    },
    send: async (body) => {
      const { record, created } = await post('/api/v1/referrals', body);
      const text = `${created ? t('referralSaved') : t('unchanged')}${record.awaitingApproval ? ` ${t('flagged')}` : ''}`;
      return { text, links: savedLinks('referrals', record, record.referrerId) };
    },
  });
  container.append(card(t('referralTitle'), { id: 'referral-create' }, form));
}
