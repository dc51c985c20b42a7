import { createTransport } from 'nodemailer';
import { emlText } from './eml-text';

/** Builds a real .eml the way the outbox does, so the encodings are nodemailer's own. */
async function eml(html: string, text: string): Promise<Buffer> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const info = await transport.sendMail({
    from: 'halo@example.com',
    to: 'marketing@example.com',
    subject: 'Weekly digest',
    html,
    text,
  });
  return info.message as Buffer;
}

describe('emlText', () => {
  it('finds a name that quoted-printable split over a soft line break and encoded', async () => {
    const name = 'Zoë Ångström-Quixote';
    const padding = 'x'.repeat(70);
    const raw = await eml(`<p>${padding}${name}</p>`, `${padding} ${name}`);
    expect(raw.toString('utf8')).not.toContain(name);
    expect(emlText(raw)).toContain(name);
  });

  it('finds a name in a base64 part', async () => {
    const name = 'Ζωή Κυριακοπούλου';
    const raw = await eml(`<p>${name.repeat(20)}</p>`, name.repeat(20));
    expect(raw.toString('utf8')).toMatch(/base64/i);
    expect(raw.toString('utf8')).not.toContain(name);
    expect(emlText(raw)).toContain(name);
  });

  it('does not find what is not there', async () => {
    const raw = await eml('<p>Ada Lovelace</p>', 'Ada Lovelace');
    expect(emlText(raw)).not.toContain('Grace Hopper');
  });
});
