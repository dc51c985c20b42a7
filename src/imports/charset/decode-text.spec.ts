import { DomainError } from '../../common/errors/domain-error';
import { decodeText } from './decode-text';

async function decoded(chunks: Buffer[], charset?: 'utf-8' | 'windows-1252'): Promise<string> {
  let text = '';
  for await (const part of decodeText(
    (async function* () {
      yield* chunks;
    })(),
    charset,
  ))
    text += part;
  return text;
}

async function refusal(chunks: Buffer[]): Promise<DomainError> {
  try {
    await decoded(chunks);
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('not refused');
}

describe('decodeText', () => {
  it('keeps a UTF-8 character split across chunks whole and drops a BOM', async () => {
    const bytes = Buffer.from('\ufeffname\nZoë €😀\n');
    const chunks = Array.from({ length: bytes.length }, (_, index) =>
      bytes.subarray(index, index + 1),
    );
    expect(await decoded(chunks)).toBe('name\nZoë €😀\n');
  });

  it('decodes windows-1252: é and € (0x80)', async () => {
    expect(
      await decoded([Buffer.from([0x52, 0xe9, 0x6d, 0x79, 0x20, 0x80, 0x35])], 'windows-1252'),
    ).toBe('Rémy €5');
  });

  it('refuses invalid UTF-8 with its line, column and byte, across chunks', async () => {
    const error = await refusal([
      Buffer.from('name\nAd'),
      Buffer.from([0x61, 0xc3]),
      Buffer.from([0xa9, 0x0a, 0x42, 0xff, 0x43]),
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('BODY_UNREADABLE');
    // "name\n" (5) + "Ada" (3) + "é" (2) + "\n" (1) + "B" (1): byte 12, line 3, column 2.
    expect(error.details[0]).toEqual({
      field: '(body)',
      reason: 'is not valid UTF-8 at line 3, column 2 (byte 12)',
      code: 'invalidUtf8',
    });
  });

  it('refuses a sequence cut by the end of the body', async () => {
    const error = await refusal([Buffer.from('ab'), Buffer.from([0xe2, 0x82])]);
    expect(error.details[0].reason).toBe('is not valid UTF-8 at line 1, column 3 (byte 2)');
  });
});
