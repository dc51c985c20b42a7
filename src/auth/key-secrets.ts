import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const KEY_PREFIX = 'halo_';

/** 32 random bytes, base64url, behind a readable prefix. */
export function generateKeySecret(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Keys are stored as HMAC-SHA-256 under a server pepper: fast to check, useless if leaked alone. */
export function hashKeySecret(secret: string, pepper: string): string {
  return createHmac('sha256', pepper).update(secret, 'utf8').digest('hex');
}

export function hashesEqual(left: string, right: string): boolean {
  const a = Buffer.from(left, 'hex');
  const b = Buffer.from(right, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export function displayPrefix(secret: string): string {
  return secret.slice(0, KEY_PREFIX.length + 6);
}

const GENERATED_KEY = /^halo_[A-Za-z0-9_-]{43}$/;

/**
 * The prefix of a presented secret that may be written down (the audit of a failed
 * authentication): only for the shape Halo generates, whose prefix key lists show anyway and
 * which leaves 222 random bits unknown. Anything else (a password pasted by mistake, another
 * service's token, HALO_ADMIN_KEY's free form) gives null: a part of it could be a secret's.
 */
export function publicKeyPrefix(secret: string): string | null {
  return GENERATED_KEY.test(secret) ? displayPrefix(secret) : null;
}
