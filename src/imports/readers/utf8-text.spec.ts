import { collect } from './reader-test-helpers';
import { utf8Text } from './utf8-text';

async function* bytes(...chunks: number[][]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) yield Buffer.from(chunk);
}

describe('utf8Text', () => {
  it('drops a byte order mark, even when split across chunks', async () => {
    const text = await collect(utf8Text(bytes([0xef, 0xbb], [0xbf, 0x61, 0x2c])));
    expect(text.join('')).toBe('a,');
  });

  it('keeps a character whose bytes are split across chunks', async () => {
    const euro = [...Buffer.from('€ü')];
    const text = await collect(utf8Text(bytes(euro.slice(0, 2), euro.slice(2, 4), euro.slice(4))));
    expect(text.join('')).toBe('€ü');
  });

  it('keeps a byte order mark that is not at the start', async () => {
    const text = await collect(utf8Text(bytes([0x61], [0xef, 0xbb, 0xbf])));
    expect(text.join('')).toBe('a\ufeff');
  });
});
