import { normalizeUrl } from './normalize-url';

describe('normalizeUrl', () => {
  const canonical = 'https://instagram.com/p/AbC123';

  it.each([
    ['https://instagram.com/p/AbC123'],
    ['https://INSTAGRAM.com/p/AbC123'],
    ['HTTPS://Instagram.COM/p/AbC123'],
    ['https://instagram.com/p/AbC123/'],
    ['https://instagram.com/p/AbC123//'],
    ['https://instagram.com/p/AbC123#comments'],
    ['https://instagram.com/p/AbC123?utm_source=newsletter&utm_medium=email'],
    ['https://instagram.com/p/AbC123/?UTM_Campaign=spring#top'],
    ['https://instagram.com:443/p/AbC123'],
    ['  https://instagram.com/p/AbC123  '],
    ['https://user:secret@instagram.com/p/AbC123'],
    ['https://instagram.com/p/AbC123?'],
  ])('reads %s as the canonical url', (input) => {
    expect(normalizeUrl(input)).toBe(canonical);
  });

  it('keeps the path case, other parameters and their order', () => {
    expect(normalizeUrl('https://Example.com/Blog/Post/?b=2&utm_source=x&a=1#frag')).toBe(
      'https://example.com/Blog/Post?b=2&a=1',
    );
    expect(normalizeUrl('https://example.com/p/abc')).not.toBe(
      normalizeUrl('https://example.com/p/ABC'),
    );
  });

  it('keeps parameters that only look like utm', () => {
    expect(normalizeUrl('https://example.com/?utmost=1&xutm_a=2')).toBe(
      'https://example.com?utmost=1&xutm_a=2',
    );
  });

  it('keeps the scheme and a non-default port', () => {
    expect(normalizeUrl('http://example.com:8080/a/')).toBe('http://example.com:8080/a');
    expect(normalizeUrl('http://example.com/a')).not.toBe(normalizeUrl('https://example.com/a'));
  });

  it('reduces a bare host to scheme and host', () => {
    expect(normalizeUrl('https://Example.com/')).toBe('https://example.com');
    expect(normalizeUrl('https://example.com/?utm_source=x')).toBe('https://example.com');
  });

  it.each(['not a url', 'ftp://example.com/file', '/relative/path', ''])('refuses %p', (input) => {
    expect(normalizeUrl(input)).toBeUndefined();
  });
});
