import { displayPrefix, generateKeySecret, publicKeyPrefix } from './key-secrets';

describe('publicKeyPrefix', () => {
  it('gives the listed prefix of a Halo-generated key and nothing of any other string', () => {
    const secret = generateKeySecret();
    expect(publicKeyPrefix(secret)).toBe(displayPrefix(secret));
    expect(publicKeyPrefix('correct-horse-battery-staple-42')).toBeNull();
    expect(publicKeyPrefix(`${secret}x`)).toBeNull();
    expect(publicKeyPrefix('halo_short')).toBeNull();
  });
});
