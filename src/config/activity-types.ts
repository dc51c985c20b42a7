/** Everything a member does that counts as activity: engagement weights and recency use these. */
export const ACTIVITY_TYPES = [
  'purchase',
  'referral_invited',
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

export function isActivityType(value: string): value is ActivityType {
  return (ACTIVITY_TYPES as readonly string[]).includes(value);
}
