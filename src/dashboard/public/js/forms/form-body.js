// @ts-check
import { currencyDecimals, minorToDecimal, parseMoney } from './money-input.js';

/**
 * From what a form holds (the inputs' strings) to the request body the API takes, checked by
 * the rules the API's DTOs apply, so that most refusals are said before anything is sent.
 * Pure: no DOM, no fetch; the language and `now` come in as arguments.
 * @typedef {{ field: string, code: string }} Problem
 * @typedef {Record<string, string | undefined>} FormState
 * @typedef {{ body: Record<string, unknown>, problems: Problem[] }} Built
 * @typedef {'en' | 'it'} Language
 */

const DAY_MS = 86_400_000;
// What class-validator's isEmail accepts, near enough for a form: one @, a dot in the domain.
const EMAIL = /^[^\s@"(),:;<>[\]\\]+@[^\s@"(),:;<>[\]\\]+\.[^\s@"(),:;<>[\]\\.]{2,}$/;
const SLUG = /^[a-z0-9][a-z0-9_.-]*$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * @param {string | undefined} value
 * @returns {string}
 */
const clean = (value) => (value ?? '').trim();

/** @param {string} text */
export const isEmail = (text) => EMAIL.test(text) && text.length <= 320;

/**
 * "vip, berlin\nrunners" → ["vip", "berlin", "runners"]: commas or new lines, blanks and
 * repeats dropped.
 * @param {string | undefined} text
 * @returns {string[]}
 */
export function splitList(text) {
  return [
    ...new Set(
      clean(text)
        .split(/[,\n;]/)
        .map((item) => item.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * A date input's day (and a time input's HH:MM) as a UTC instant: "2026-03-01" →
 * "2026-03-01T00:00:00.000Z". undefined when the day is not a real one.
 * @param {string | undefined} day
 * @param {string | undefined} [time]
 * @returns {string | undefined}
 */
export function dayToIso(day, time) {
  const parts = clean(day).match(DAY);
  if (!parts) return undefined;
  const clock = clean(time) ? clean(time).match(TIME) : ['', '00', '00'];
  if (!clock) return undefined;
  const [year, month, date] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const instant = new Date(Date.UTC(year, month - 1, date, Number(clock[1]), Number(clock[2])));
  if (instant.getUTCMonth() !== month - 1 || instant.getUTCDate() !== date) return undefined;
  return instant.toISOString();
}

/**
 * Collects a body and its problems, field by field.
 */
class BodyBuilder {
  /** @param {FormState} state */
  constructor(state) {
    this.state = state;
    /** @type {Record<string, unknown>} */
    this.body = {};
    /** @type {Problem[]} */
    this.problems = [];
  }

  /**
   * @param {string} field
   * @param {string} code
   */
  problem(field, code) {
    this.problems.push({ field, code });
  }

  /**
   * Text, trimmed; left out when empty (a problem when required).
   * @param {string} field
   * @param {{ required?: boolean, max?: number, pattern?: RegExp, patternCode?: string, as?: string }} [rules]
   */
  text(field, { required = false, max = 200, pattern, patternCode = 'matches', as = field } = {}) {
    const value = clean(this.state[field]);
    if (!value) {
      if (required) this.problem(field, 'isNotEmpty');
      return;
    }
    if (value.length > max) this.problem(field, 'maxLength');
    else if (pattern && !pattern.test(value)) this.problem(field, patternCode);
    else this.body[as] = value;
  }

  /** @param {string} field @param {{ required?: boolean, as?: string }} [rules] */
  email(field, { required = false, as = field } = {}) {
    this.text(field, { required, max: 320, pattern: EMAIL, patternCode: 'isEmail', as });
  }

  /** @param {string} field @param {{ required?: boolean, as?: string }} [rules] */
  url(field, { required = false, as = field } = {}) {
    this.text(field, {
      required,
      max: 2000,
      pattern: /^https?:\/\/\S+$/i,
      patternCode: 'isUrl',
      as,
    });
  }

  /**
   * A day (and time) as a UTC instant; `occurrence`: at most a day ahead of now, as the API checks.
   * @param {string} field the day's input
   * @param {{ required?: boolean, time?: string, occurrence?: boolean, now?: number, as?: string }} rules
   */
  instant(field, { required = false, time, occurrence = false, now = Date.now(), as = field }) {
    if (!clean(this.state[field])) {
      if (required) this.problem(field, 'isNotEmpty');
      return;
    }
    const iso = dayToIso(this.state[field], time ? this.state[time] : undefined);
    if (!iso) this.problem(field, 'isIsoInstant');
    else if (occurrence && Date.parse(iso) > now + DAY_MS)
      this.problem(field, 'isOccurrenceInstant');
    else this.body[as] = iso;
  }

  /**
   * A whole number in [min, max], typed with or without the language's grouping.
   * @param {string} field
   * @param {{ required?: boolean, min?: number, max?: number }} [rules]
   */
  integer(field, { required = false, min = 0, max = 1_000_000_000_000 } = {}) {
    const raw = clean(this.state[field]).replace(/[\s.,'\u00a0\u202f]/g, '');
    if (!raw) {
      if (required) this.problem(field, 'isNotEmpty');
      return;
    }
    if (!/^-?\d+$/.test(raw)) return this.problem(field, 'isInt');
    const value = Number(raw);
    if (value < min) this.problem(field, 'min');
    else if (value > max) this.problem(field, 'max');
    else this.body[field] = value;
  }

  /**
   * An amount in the language's notation, sent as the API's decimal string of its minor units.
   * @param {string} field
   * @param {string} currencyField
   * @param {Language} language
   * @param {string} fallbackCurrency
   */
  money(field, currencyField, language, fallbackCurrency) {
    const raw = clean(this.state[field]);
    if (!raw) return;
    const currency = clean(this.state[currencyField]).toUpperCase() || fallbackCurrency;
    const decimals = currencyDecimals(currency);
    const parsed = parseMoney(raw, language, decimals);
    if (!parsed.ok) return this.problem(field, parsed.code);
    this.body[field] = minorToDecimal(parsed.minor, decimals);
    this.body[currencyField] = currency;
  }

  /**
   * One of the choices, left out when empty.
   * @param {string} field
   * @param {readonly string[]} choices
   * @param {{ required?: boolean }} [rules]
   */
  choice(field, choices, { required = false } = {}) {
    const value = clean(this.state[field]);
    if (!value) {
      if (required) this.problem(field, 'isNotEmpty');
    } else if (!choices.includes(value)) this.problem(field, 'isIn');
    else this.body[field] = value;
  }

  /** @returns {Built} */
  result() {
    return { body: this.body, problems: this.problems };
  }
}

/**
 * A member to create (`original` absent) or the changes to one (`original` given: only fields
 * that differ are sent; an emptied email is sent as null, which removes it).
 * @param {FormState} state name, email, externalId, tags, acquiredAt, acquisitionChannel, acquisitionCampaignId
 * @param {{ original?: Record<string, any> }} [options]
 * @returns {Built}
 */
export function memberBody(state, { original } = {}) {
  const built = new BodyBuilder(state);
  built.text('name');
  built.email('email');
  built.text('externalId');
  built.instant('acquiredAt', {});
  built.text('acquisitionChannel', { max: 64, pattern: SLUG });
  built.text('acquisitionCampaignId', { pattern: UUID, patternCode: 'isUUID' });
  const tags = splitList(state.tags);
  if (tags.length > 50) built.problem('tags', 'arrayMaxSize');
  else if (tags.some((tag) => tag.length > 64)) built.problem('tags', 'maxLength');
  else if (tags.length || original) built.body.tags = tags;
  const { body, problems } = built.result();
  if (!original) {
    if (!body.email && !body.externalId && !problems.length)
      problems.push({ field: 'externalId', code: 'required' });
    return { body, problems };
  }
  /** @type {Record<string, unknown>} */
  const changes = {};
  for (const [field, value] of Object.entries(body)) {
    const before = original[field];
    const same =
      field === 'tags'
        ? JSON.stringify([...(before ?? [])].sort()) ===
          JSON.stringify([.../** @type {string[]} */ (value)].sort())
        : field === 'acquiredAt'
          ? before && Date.parse(before) === Date.parse(String(value))
          : before === value;
    if (!same) changes[field] = value;
  }
  if (original.email && !clean(state.email)) {
    if (!original.externalId && !body.externalId)
      problems.push({ field: 'email', code: 'required' });
    else changes.email = null;
  }
  return { body: changes, problems };
}

export const EVENT_KINDS = /** @type {const} */ (['in-person', 'online']);

/**
 * @param {FormState} state name, kind, startsDay, startsTime, endsDay, endsTime, location, cost, currency, externalId
 * @param {Language} language
 * @param {string} baseCurrency
 * @returns {Built}
 */
export function eventBody(state, language, baseCurrency) {
  const built = new BodyBuilder(state);
  built.text('name', { required: true });
  built.choice('kind', EVENT_KINDS, { required: true });
  built.instant('startsDay', { required: true, time: 'startsTime', as: 'startsAt' });
  built.instant('endsDay', { time: 'endsTime', as: 'endsAt' });
  built.text('location', { max: 500 });
  built.money('cost', 'currency', language, baseCurrency);
  built.text('externalId');
  const { body } = built;
  if (
    body.startsAt &&
    body.endsAt &&
    Date.parse(String(body.endsAt)) < Date.parse(String(body.startsAt))
  )
    built.problem('endsDay', 'dateOrder');
  return built.result();
}

/**
 * Someone at an event: a member picked, or an email; guests brought by email.
 * @param {FormState} state memberId, email, role, guestEmails
 * @returns {Built}
 */
export function attendanceBody(state) {
  const built = new BodyBuilder(state);
  if (clean(state.memberId)) built.body.memberId = clean(state.memberId);
  else if (clean(state.email)) built.email('email');
  else built.problem('memberId', 'memberOrEmail');
  built.choice('role', ['attendee', 'speaker', 'host', 'volunteer']);
  const guests = splitList(state.guestEmails);
  if (guests.some((guest) => !isEmail(guest))) built.problem('guestEmails', 'isEmail');
  else if (guests.length) built.body.guestEmails = guests;
  return built.result();
}

/**
 * @param {FormState} state memberId, handle, platform, product, rating, title, body, url, publishedAt, externalId, views, helpfulVotes
 * @param {number} [now]
 * @returns {Built}
 */
export function reviewBody(state, now = Date.now()) {
  const built = new BodyBuilder(state);
  if (clean(state.memberId)) built.body.memberId = clean(state.memberId);
  else if (clean(state.handle)) built.text('handle');
  else built.problem('memberId', 'memberOrHandle');
  built.text('platform', { required: true, max: 32, pattern: SLUG });
  built.text('product', { required: true });
  built.integer('rating', { required: true, min: 1, max: 5 });
  built.text('title', { max: 300 });
  built.text('body', { max: 20_000 });
  built.text('externalId');
  built.url('url', { required: !clean(state.externalId) });
  built.instant('publishedAt', { required: true, occurrence: true, now });
  built.integer('views');
  built.integer('helpfulVotes');
  return built.result();
}

/**
 * @param {FormState} state platform, handle, url, postedAt, memberId, reach, likes, shares, comments, clicks, externalPostId
 * @param {number} [now]
 * @returns {Built}
 */
export function mentionBody(state, now = Date.now()) {
  const built = new BodyBuilder(state);
  built.text('platform', { required: true, max: 32, pattern: SLUG });
  built.text('handle', { required: true });
  built.url('url', { required: true });
  built.instant('postedAt', { required: true, occurrence: true, now });
  if (clean(state.memberId)) built.body.memberId = clean(state.memberId);
  for (const counter of ['reach', 'likes', 'shares', 'comments', 'clicks']) built.integer(counter);
  built.text('externalPostId');
  return built.result();
}

export const REFERRAL_STATUSES = /** @type {const} */ (['invited', 'signed_up']);

/**
 * @param {FormState} state referrerId, refereeId, refereeEmail, invitedAt, status, channel, rewardCost, rewardCurrency, externalId
 * @param {Language} language
 * @param {string} baseCurrency
 * @param {number} [now]
 * @returns {Built}
 */
export function referralBody(state, language, baseCurrency, now = Date.now()) {
  const built = new BodyBuilder(state);
  if (clean(state.referrerId)) built.body.referrerId = clean(state.referrerId);
  else built.problem('referrerId', 'isNotEmpty');
  if (clean(state.refereeId)) built.body.refereeId = clean(state.refereeId);
  else if (clean(state.refereeEmail)) built.email('refereeEmail');
  else built.problem('refereeId', 'memberOrEmail');
  if (built.body.referrerId && built.body.referrerId === built.body.refereeId)
    built.problem('refereeId', 'SELF_REFERRAL');
  built.instant('invitedAt', { occurrence: true, now });
  built.choice('status', REFERRAL_STATUSES);
  built.text('channel', { max: 64, pattern: SLUG });
  built.money('rewardCost', 'rewardCurrency', language, baseCurrency);
  built.text('externalId');
  return built.result();
}

export const FEEDBACK_KINDS = /** @type {const} */ (['idea', 'bug', 'praise']);

/**
 * @param {FormState} state memberId, kind, text, submittedAt, externalId
 * @param {number} [now]
 * @returns {Built}
 */
export function feedbackBody(state, now = Date.now()) {
  const built = new BodyBuilder(state);
  if (clean(state.memberId)) built.body.memberId = clean(state.memberId);
  else built.problem('memberId', 'isNotEmpty');
  built.choice('kind', FEEDBACK_KINDS, { required: true });
  built.text('text', { required: true, max: 20_000 });
  built.instant('submittedAt', { occurrence: true, now });
  built.text('externalId');
  return built.result();
}

/** Where a feedback item may go from each status, as the API's state machine allows. */
export const FEEDBACK_NEXT = /** @type {Record<string, string[]>} */ ({
  submitted: ['accepted', 'declined'],
  accepted: ['shipped', 'declined'],
  shipped: [],
  declined: [],
});

/**
 * A feedback item's status change, dated by the day given (else the API's now).
 * @param {string} from
 * @param {FormState} state status, day
 * @param {number} [now]
 * @returns {Built}
 */
export function feedbackStatusBody(from, state, now = Date.now()) {
  const built = new BodyBuilder(state);
  const status = clean(state.status);
  if (!(FEEDBACK_NEXT[from] ?? []).includes(status)) {
    built.problem('status', 'invalidTransition');
    return built.result();
  }
  built.body.status = status;
  built.instant('day', { occurrence: true, now, as: `${status}At` });
  return built.result();
}
