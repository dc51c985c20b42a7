/**
 * The readable text of an .eml file as a mail client would show it: the raw bytes, the
 * quoted-printable parts decoded (soft line breaks joined, `=XX` bytes as UTF-8), and the
 * base64 parts decoded. Enough to find whether a name or an email appears in it anywhere.
 */
export function emlText(raw: Buffer): string {
  const text = raw.toString('utf8');
  // latin1 maps each byte to one character, so `=XX` can be replaced byte for byte.
  const quotedPrintable = Buffer.from(
    raw
      .toString('latin1')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
  const base64Parts = [...text.matchAll(BASE64_PART)].map((match) =>
    Buffer.from(match[1].replace(/\s+/g, ''), 'base64').toString('utf8'),
  );
  return [text, quotedPrintable, ...base64Parts].join('\n');
}

/** A part's base64 body: after its Content-Transfer-Encoding header, the blank line, the lines. */
const BASE64_PART =
  /Content-Transfer-Encoding:\s*base64\r?\n(?:[^\r\n]+\r?\n)*?\r?\n([A-Za-z0-9+/=\r\n]+)/gi;
