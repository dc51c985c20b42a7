/**
 * Everything a member does that the community metrics count as an interaction. Engagement
 * weights and recency use all but invitations (ENGAGEMENT_ACTIVITY_TYPES).
 */
export const ACTIVITY_TYPES = [
  'purchase',
  'referral_invited',
  'referral_signed_up',
  'referral_converted',
  'review',
  'mention',
  'event_attended',
  'event_spoke',
  'event_hosted',
  'event_volunteered',
  'feedback_submitted',
  'feedback_accepted',
  'feedback_shipped',
] as const;

export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/**
 * An invitation is only a claim (six junk invites must not make an advocate): it earns no
 * engagement and is no activity for recency. A referral earns at sign-up and at conversion.
 */
export type EngagementActivityType = Exclude<ActivityType, 'referral_invited'>;

export const ENGAGEMENT_ACTIVITY_TYPES = ACTIVITY_TYPES.filter(
  (type): type is EngagementActivityType => type !== 'referral_invited',
);

export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value);
}

/**
 * Weights under their current names. `referral_invited` is the old name of the weight of a
 * referral's first step: it now weighs the sign-up (and, given, wins over the default's
 * `referral_signed_up`, which the config file merge cannot tell from an operator's).
 */
export function currentWeightNames(weights: unknown): unknown {
  if (typeof weights !== 'object' || weights === null || Array.isArray(weights)) return weights;
  const { referral_invited: invited, ...current } = weights as Record<string, unknown>;
  return invited === undefined ? current : { ...current, referral_signed_up: invited };
}
