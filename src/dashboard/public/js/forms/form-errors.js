// @ts-check
import { messages } from '../i18n.js';

/**
 * What a refused field means, in the dashboard's language: the form's own checks and the API's
 * error details (`details[].code`, and the error's `code` for conflicts) share these words. A
 * field-specific sentence (`field:code`) wins over the general one; a code without words shows
 * the API's own reason.
 */
export const t = messages({
  en: {
    isNotEmpty: 'Required.',
    required: 'Required.',
    'externalId:required':
      'Give an email or an external ID, so that the member is recognised again.',
    'email:required': 'A member without an external ID keeps an email.',
    isString: 'Must be text.',
    maxLength: 'Too long.',
    minLength: 'Too short.',
    isEmail: 'Not an email address (name@example.com).',
    matches: 'Letters, digits, _ . or - only, starting with a letter or digit.',
    isUrl: 'Not a web address (https://…).',
    isUUID: 'Not a valid reference.',
    isIn: 'Not one of the choices.',
    isInt: 'A whole number, please.',
    min: 'Too small.',
    max: 'Too large.',
    arrayMaxSize: 'Too many.',
    isIsoInstant: 'Not a date.',
    isOccurrenceInstant: 'A date no later than tomorrow, please.',
    isDecimalAmount: 'An amount such as 49.90.',
    isCurrency: 'A currency code such as EUR.',
    moneyFormat: 'An amount such as 1,234.50 (a point before the cents).',
    moneyDecimals: 'Too many digits after the point for this currency.',
    moneyNegative: 'The amount cannot be negative.',
    moneyTooLarge: 'The amount is too large.',
    memberOrEmail: 'Pick a member or give an email.',
    memberOrHandle: 'Pick a member or give their handle on the platform.',
    dateOrder: 'Comes before the start.',
    DATE_ORDER: 'The dates are out of order.',
    invalidTransition: 'This status cannot follow the current one.',
    INVALID_TRANSITION: 'This status cannot follow the current one.',
    unknownField: 'Not a field the API knows.',
    unknownReference: 'Not found: it may have been deleted or merged.',
    notFound: 'Not found.',
    MEMBER_EXISTS: 'Another member already has this.',
    'email:MEMBER_EXISTS': 'Another member already has this email.',
    'externalId:MEMBER_EXISTS': 'Another member already has this external ID.',
    IDENTITY_TAKEN: 'Another member already has this handle on this platform.',
    ERASED_PERSON: 'This person was erased at their request and cannot be recorded again.',
    EVENT_EXISTS: 'An event with this external ID or name and start exists with other details.',
    EVENT_NOT_STARTED: 'The event has not started yet: attended and no-show come after its start.',
    ATTENDANCE_EXISTS: 'This person is already recorded at the event in another role.',
    GUEST_IS_ATTENDEE: 'A guest is recorded as an attendee already.',
    REVIEW_EXISTS: 'This review is recorded already with other details.',
    REVIEW_KEYS_DISAGREE: 'The external ID and the address name two different reviews.',
    MENTION_EXISTS: 'This mention is recorded already with other details.',
    MENTION_KEYS_DISAGREE: 'The post ID and the address name two different mentions.',
    HANDLE_OF_ANOTHER_MEMBER: 'This handle belongs to another member.',
    REFERRAL_EXISTS: 'This referral is recorded already with other details.',
    REFERRAL_REJECTED: 'This referral was rejected.',
    SELF_REFERRAL: 'A member cannot refer themselves.',
    REFEREE_ALREADY_REFERRED: 'This person was referred by someone else already.',
    REFEREE_ALREADY_CUSTOMER: 'This person was a customer before the invitation.',
    REFERRAL_CYCLE: 'This referral would close a circle of referrals.',
    FEEDBACK_EXISTS: 'This feedback is recorded already with other details.',
    IDEMPOTENCY_IN_PROGRESS: 'The same request is still being saved; try again in a moment.',
    ROLE_INSUFFICIENT: 'Your key may read but not write.',
    NETWORK: 'Halo cannot be reached. Is it running?',
    unknown: 'Refused by Halo: {reason}',
    refused: 'Halo did not save this ({status}).',
  },
  it: {
    isNotEmpty: 'Campo obbligatorio.',
    required: 'Campo obbligatorio.',
    'externalId:required':
      'Indica un’email o un ID esterno, così il membro viene riconosciuto in seguito.',
    'email:required': 'Un membro senza ID esterno deve avere un’email.',
    isString: 'Deve essere un testo.',
    maxLength: 'Troppo lungo.',
    minLength: 'Troppo corto.',
    isEmail: 'Non è un indirizzo email (nome@esempio.it).',
    matches: 'Solo lettere, cifre, _ . o -, iniziando con una lettera o una cifra.',
    isUrl: 'Non è un indirizzo web (https://…).',
    isUUID: 'Riferimento non valido.',
    isIn: 'Non è una delle scelte possibili.',
    isInt: 'Serve un numero intero.',
    min: 'Valore troppo basso.',
    max: 'Valore troppo alto.',
    arrayMaxSize: 'Troppi elementi.',
    isIsoInstant: 'Non è una data.',
    isOccurrenceInstant: 'Serve una data non successiva a domani.',
    isDecimalAmount: 'Serve un importo come 49,90.',
    isCurrency: 'Serve un codice valuta come EUR.',
    moneyFormat: 'Serve un importo come 1.234,50 (virgola prima dei centesimi).',
    moneyDecimals: 'Troppe cifre dopo la virgola per questa valuta.',
    moneyNegative: 'L’importo non può essere negativo.',
    moneyTooLarge: 'L’importo è troppo grande.',
    memberOrEmail: 'Scegli un membro o indica un’email.',
    memberOrHandle: 'Scegli un membro o indica il suo nome utente sulla piattaforma.',
    dateOrder: 'È prima dell’inizio.',
    DATE_ORDER: 'Le date non sono in ordine.',
    invalidTransition: 'Questo stato non può seguire quello attuale.',
    INVALID_TRANSITION: 'Questo stato non può seguire quello attuale.',
    unknownField: 'Campo sconosciuto all’API.',
    unknownReference: 'Non trovato: potrebbe essere stato eliminato o unito a un altro.',
    notFound: 'Non trovato.',
    MEMBER_EXISTS: 'Un altro membro ha già questo valore.',
    'email:MEMBER_EXISTS': 'Un altro membro ha già questa email.',
    'externalId:MEMBER_EXISTS': 'Un altro membro ha già questo ID esterno.',
    IDENTITY_TAKEN: 'Un altro membro ha già questo nome utente su questa piattaforma.',
    ERASED_PERSON:
      'Questa persona è stata cancellata su sua richiesta e non può essere registrata di nuovo.',
    EVENT_EXISTS:
      'Esiste già un evento con questo ID esterno, o stesso nome e inizio, con altri dati.',
    EVENT_NOT_STARTED:
      'L’evento non è ancora iniziato: presenze e assenze si segnano dopo l’inizio.',
    ATTENDANCE_EXISTS: 'Questa persona è già registrata all’evento con un altro ruolo.',
    GUEST_IS_ATTENDEE: 'Un ospite è già registrato come partecipante.',
    REVIEW_EXISTS: 'Questa recensione è già registrata con altri dati.',
    REVIEW_KEYS_DISAGREE: 'L’ID esterno e l’indirizzo indicano due recensioni diverse.',
    MENTION_EXISTS: 'Questa menzione è già registrata con altri dati.',
    MENTION_KEYS_DISAGREE: 'L’ID del post e l’indirizzo indicano due menzioni diverse.',
    HANDLE_OF_ANOTHER_MEMBER: 'Questo nome utente appartiene a un altro membro.',
    REFERRAL_EXISTS: 'Questo invito è già registrato con altri dati.',
    REFERRAL_REJECTED: 'Questo invito è stato respinto.',
    SELF_REFERRAL: 'Un membro non può invitare sé stesso.',
    REFEREE_ALREADY_REFERRED: 'Questa persona è già stata invitata da qualcun altro.',
    REFEREE_ALREADY_CUSTOMER: 'Questa persona era già cliente prima dell’invito.',
    REFERRAL_CYCLE: 'Questo invito chiuderebbe un cerchio di inviti.',
    FEEDBACK_EXISTS: 'Questo feedback è già registrato con altri dati.',
    IDEMPOTENCY_IN_PROGRESS: 'La stessa richiesta è ancora in corso; riprova tra un momento.',
    ROLE_INSUFFICIENT: 'La tua chiave può leggere ma non scrivere.',
    NETWORK: 'Halo non è raggiungibile. È in esecuzione?',
    unknown: 'Rifiutato da Halo: {reason}',
    refused: 'Halo non ha salvato ({status}).',
  },
});

/** @typedef {{ field?: string, code?: string, reason?: string }} Detail */

/**
 * The sentence for one refused field: `field:code`, then `code`, then the error's own code,
 * then the API's reason.
 * @param {Detail} detail
 * @param {string | null} [errorCode] the error's top-level code (MEMBER_EXISTS, …)
 * @returns {string}
 */
export function problemText(detail, errorCode = null) {
  const catalog = /** @type {Record<string, unknown>} */ (t.catalog.en);
  const field = (detail.field ?? '').split('.')[0];
  for (const key of [`${field}:${detail.code}`, detail.code, `${field}:${errorCode}`, errorCode]) {
    if (key && key in catalog) return t(/** @type {keyof typeof t.catalog.en} */ (key));
  }
  return t('unknown', { reason: detail.reason ?? detail.code ?? '' });
}
