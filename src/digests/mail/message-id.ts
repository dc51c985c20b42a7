import { createHash } from 'node:crypto';
import { SCHEDULED_SLOT } from '../digest-claim.entity';

/**
 * The same (subscription, period, recipient) always gets the same Message-ID, so that a copy
 * resent after a crash is recognisable as the same message; a forced resend is a new one.
 */
export function digestMessageId(input: {
  subscriptionId: string;
  periodStart: number;
  slot: string;
  recipient: string;
  domain: string;
}): string {
  const period = new Date(input.periodStart).toISOString().replace(/[-:]|\.\d{3}/g, '');
  const recipient = createHash('sha256')
    .update(input.recipient.trim().toLowerCase())
    .digest('hex')
    .slice(0, 16);
  const resend =
    input.slot === SCHEDULED_SLOT ? '' : `.${input.slot.replace(/[^a-z0-9]/gi, '').slice(0, 20)}`;
  return `<halo-digest.${input.subscriptionId}.${period}${resend}.${recipient}@${input.domain}>`;
}

/** The domain of a From setting such as `Halo <halo@example.com>`. */
export function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : 'halo.invalid';
}
