import { randomInt } from 'node:crypto';

// Crockford's alphabet without look-alikes (no I, L, O, U), easy to read out and type.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A short human-friendly code such as `ADA-7K3P9Q`: up to four letters of the name, then six random characters. */
export function generateReferralCode(name: string | null | undefined): string {
  const letters = (name ?? '')
    .normalize('NFKD')
    .replace(/[^A-Za-z]/g, '')
    .toUpperCase()
    .slice(0, 4);
  let random = '';
  for (let index = 0; index < 6; index += 1) random += ALPHABET[randomInt(ALPHABET.length)];
  return `${letters || 'HALO'}-${random}`;
}
