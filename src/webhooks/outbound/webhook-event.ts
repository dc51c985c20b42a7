/** What an outbound delivery stores: ids and tier names, never a personal field. */
export type WebhookEvent =
  | { type: 'tier.changed'; memberId: string; from: string | null; to: string | null }
  | { type: 'ambassador.new'; memberId: string; tier: string }
  | {
      type: 'referral.flagged';
      referralId: string;
      referrerId: string;
      refereeMemberId: string | null;
      flags: string[];
    };
