import { Injectable } from '@nestjs/common';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { AppSecretsService } from '../../database/app-secrets.service';

const SECRET = 'digest-unsubscribe';
const ID = /^[0-9a-f-]{36}$/;

/** What an unsubscribe link names: a subscription and one recipient (by a digest of the address). */
export interface UnsubscribeTarget {
  subscriptionId: string;
  recipientDigest: string;
}

/** The address as the link names it: lower case, trimmed, SHA-256, 22 base64url characters. */
export function recipientDigest(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 22);
}

/**
 * Signed one-click unsubscribe tokens (RFC 8058): `<subscription>.<recipient digest>.<HMAC>`,
 * keyed with an installation secret, so that nobody can unsubscribe another address and the
 * link carries no email address in clear. They do not expire: an old digest's link still works.
 */
@Injectable()
export class UnsubscribeTokens {
  constructor(private readonly secrets: AppSecretsService) {}

  async sign(subscriptionId: string, email: string): Promise<string> {
    const payload = `${subscriptionId}.${recipientDigest(email)}`;
    return `${payload}.${await this.mac(payload)}`;
  }

  /** The target of a well-formed token whose signature holds, else null. */
  async verify(token: string): Promise<UnsubscribeTarget | null> {
    const parts = token.split('.');
    if (parts.length !== 3 || !ID.test(parts[0]) || !/^[\w-]{22}$/.test(parts[1])) return null;
    const payload = `${parts[0]}.${parts[1]}`;
    const expected = Buffer.from(await this.mac(payload));
    const given = Buffer.from(parts[2]);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return { subscriptionId: parts[0], recipientDigest: parts[1] };
  }

  private async mac(payload: string): Promise<string> {
    return createHmac('sha256', await this.secrets.get(SECRET))
      .update(payload)
      .digest('base64url');
  }
}
