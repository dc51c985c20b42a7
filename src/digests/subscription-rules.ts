import { FieldProblem } from '../common/errors/field-problem';
import { DIGEST_SECTIONS, DigestSection } from './content/digest-sections';
import { DigestLanguage, Missed, WhenEmpty } from './digest-subscription.entity';
import { SubscriptionFieldsDto } from './dto/subscription-fields.dto';
import { Cadence, Weekday } from './schedule/digest-schedule';
import { canonicalTimeZone } from './schedule/local-time';

/** A subscription's settings as plain values (pure: no Nest, no TypeORM). */
export interface SubscriptionState {
  name: string | null;
  recipients: string[];
  cadence: Cadence;
  weekday: Weekday | null;
  dayOfMonth: number | null;
  cron: string | null;
  timezone: string;
  sendAt: string;
  language: DigestLanguage;
  sections: DigestSection[];
  filterTag: string | null;
  filterPlatform: string | null;
  whenEmpty: WhenEmpty;
  missed: Missed;
  active: boolean;
}

const DEFAULTS = {
  sendAt: '08:00',
  language: 'en' as const,
  sections: [...DIGEST_SECTIONS],
  whenEmpty: 'skip' as const,
  missed: 'catchUp' as const,
  active: true,
};

/** The field each cadence needs; the others' fields must not be given with it. */
const CADENCE_FIELD = { weekly: 'weekday', monthly: 'dayOfMonth', cron: 'cron' } as const;
const SCHEDULE_FIELDS = ['cadence', 'weekday', 'dayOfMonth', 'cron', 'timezone', 'sendAt'] as const;

const invalid = (field: string, reason: string, code: string): FieldProblem => ({
  field,
  reason,
  code,
  kind: 'invalid',
});

/**
 * The subscription after a create (no current state) or an update. A field left out keeps its
 * value; when the cadence changes, the fields of the old cadence are dropped.
 */
export function applySubscriptionInput(
  current: SubscriptionState | undefined,
  input: SubscriptionFieldsDto,
): SubscriptionState | FieldProblem {
  if (!current) {
    for (const field of ['recipients', 'cadence', 'timezone'] as const) {
      if (input[field] === undefined) return invalid(field, 'must be given', 'isDefined');
    }
  }
  const base: Omit<SubscriptionState, 'recipients' | 'cadence' | 'timezone'> = current ?? {
    ...DEFAULTS,
    name: null,
    weekday: null,
    dayOfMonth: null,
    cron: null,
    filterTag: null,
    filterPlatform: null,
  };
  const cadence = input.cadence ?? current!.cadence;
  const keep = <K extends 'weekday' | 'dayOfMonth' | 'cron'>(field: K) =>
    cadence === current?.cadence ? current[field] : null;
  const next: SubscriptionState = {
    name: input.name === undefined ? base.name : input.name,
    recipients: input.recipients ? uniqueAddresses(input.recipients) : current!.recipients,
    cadence,
    weekday: input.weekday === undefined ? keep('weekday') : input.weekday,
    dayOfMonth: input.dayOfMonth === undefined ? keep('dayOfMonth') : input.dayOfMonth,
    cron: input.cron === undefined ? keep('cron') : input.cron,
    timezone: canonicalTimeZone(input.timezone ?? current!.timezone),
    sendAt: input.sendAt ?? base.sendAt,
    language: input.language ?? base.language,
    sections: input.sections ?? base.sections,
    filterTag: input.filters === undefined ? base.filterTag : (input.filters?.tag ?? null),
    filterPlatform:
      input.filters === undefined ? base.filterPlatform : (input.filters?.platform ?? null),
    whenEmpty: input.whenEmpty ?? base.whenEmpty,
    missed: input.missed ?? base.missed,
    active: input.active ?? base.active,
  };
  for (const [owner, field] of Object.entries(CADENCE_FIELD)) {
    if (owner === cadence && next[field] === null)
      return invalid(field, `must be given with cadence ${cadence}`, 'isDefined');
    if (owner !== cadence && input[field] !== undefined && input[field] !== null)
      return invalid(field, `only goes with cadence ${owner}`, 'cadenceMismatch');
  }
  if (cadence === 'cron' && input.sendAt !== undefined)
    return invalid(
      'sendAt',
      'does not go with cadence cron: the expression holds the time',
      'cadenceMismatch',
    );
  return next;
}

/** Whether a change moves the schedule (so that periods before it are not sent). */
export function scheduleChanged(before: SubscriptionState, after: SubscriptionState): boolean {
  return (
    SCHEDULE_FIELDS.some((field) => before[field] !== after[field]) ||
    (!before.active && after.active)
  );
}

function uniqueAddresses(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses
    .map((address) => address.trim())
    .filter((address) => {
      const key = address.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
