import { containsAny, needlesOf, replaceAll } from './erasure-needles';

describe('erasure needles in digest mails', () => {
  const person = {
    memberIds: ['0b5a6c2e-0000-4000-8000-000000000001'],
    emails: ['tab@example.com'],
    names: ["Tab O'Neil"],
    handles: [],
  };

  it('looks for names and emails as written and HTML-escaped, ids only for files', () => {
    expect(needlesOf(person, false)).toEqual(["tab o'neil", 'tab o&#39;neil', 'tab@example.com']);
    expect(needlesOf(person, true)).toContain(person.memberIds[0]);
  });

  it('replaces whole words only, ignoring case, and leaves tags and longer words alone', () => {
    const needles = needlesOf({ ...person, names: ['Tab'] }, false);
    const html = '<table><tr><td>TAB</td><td>Tabitha</td><td>tab@example.com</td></tr></table>';
    expect(replaceAll(html, needles, 'A member')).toBe(
      '<table><tr><td>A member</td><td>Tabitha</td><td>A member</td></tr></table>',
    );
    expect(containsAny('<table><td>Tabitha</td></table>', needles)).toBe(false);
    expect(containsAny('1. Tab: €180', needles)).toBe(true);
  });

  it('replaces an escaped name in HTML whole', () => {
    const needles = needlesOf(person, false);
    expect(replaceAll('<a href="#">Tab O&#39;Neil</a>', needles, 'A member')).toBe(
      '<a href="#">A member</a>',
    );
  });
});
