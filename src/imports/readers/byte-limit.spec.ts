import { limitBytes } from './byte-limit';
import { collect } from './reader-test-helpers';

async function* chunks(...parts: string[]): AsyncGenerator<Buffer> {
  for (const part of parts) yield Buffer.from(part);
}

describe('limitBytes', () => {
  it('counts bytes, not characters', async () => {
    const counter = { bytes: 0 };
    await collect(limitBytes(chunks('ab', '€'), counter));
    expect(counter.bytes).toBe(5);
  });

  it('refuses the chunk that crosses the limit with a 413', async () => {
    const counter = { bytes: 0 };
    await expect(
      collect(limitBytes(chunks('12345', '67890', 'x'), counter, 10)),
    ).rejects.toMatchObject({
      kind: 'too_large',
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(counter.bytes).toBe(11);
  });

  it('turns a stream that breaks off into a 400 naming the body', async () => {
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from('a');
      throw new Error('aborted');
    }
    await expect(collect(limitBytes(broken(), { bytes: 0 }))).rejects.toMatchObject({
      kind: 'invalid',
      code: 'BODY_UNREADABLE',
      details: [{ field: '(body)', reason: 'aborted' }],
    });
  });
});
