import { Readable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { MessageChannel } from 'node:worker_threads';
import { MAX_QUEUED_CHUNKS, receiveBody, sendBody } from './body-transfer';

const CHUNK = 64 * 1024;

/** A channel like the one to a worker, counting the chunks posted over it. */
function channel() {
  const { port1: main, port2: worker } = new MessageChannel();
  const counts = { posted: 0 };
  const post = main.postMessage.bind(main);
  main.postMessage = (message, transfer) => {
    if ((message as { type: string }).type === 'chunk') counts.posted += 1;
    post(message, transfer);
  };
  return { main, worker, counts, close: () => main.close() };
}

/** Lets the other end's messages in until `done` holds (a bounded number of turns, no timers). */
async function until(done: () => boolean): Promise<void> {
  for (let turn = 0; turn < 1000 && !done(); turn += 1) await setImmediate();
  expect(done()).toBe(true);
}

describe('the body passed to a worker', () => {
  it('arrives whole and in order, each chunk handed over rather than copied', async () => {
    const chunks = Array.from({ length: 20 }, (_, index) => Buffer.alloc(CHUNK, index));
    const pooled = Buffer.from('a small chunk from the shared pool');
    const expected = Buffer.concat([...chunks, pooled]);
    const { main, worker, close } = channel();
    const stop = sendBody(Readable.from([...chunks, pooled]), main);
    const received: Buffer[] = [];
    const body = receiveBody(worker);
    for await (const chunk of body.chunks) received.push(chunk);
    expect(Buffer.concat(received).equals(expected)).toBe(true);
    // A chunk with its own memory is transferred (left empty here); a pooled one is copied.
    expect(chunks.every((chunk) => chunk.byteLength === 0)).toBe(true);
    expect(pooled.toString()).toBe('a small chunk from the shared pool');
    stop();
    body.close();
    close();
  });

  it('pauses the request while the worker has MAX_QUEUED_CHUNKS unread, resuming as it reads', async () => {
    let generated = 0;
    const source = Readable.from(
      (function* () {
        for (; generated < 200;) {
          generated += 1;
          yield Buffer.alloc(CHUNK, generated % 256);
        }
      })(),
      { highWaterMark: 2 },
    );
    const { main, worker, counts, close } = channel();
    const stop = sendBody(source, main);
    const body = receiveBody(worker);
    await until(() => source.isPaused());
    expect(counts.posted).toBe(MAX_QUEUED_CHUNKS);
    // Paused, the source is read no further than its own small buffer: nothing piles up.
    for (let turn = 0; turn < 50; turn += 1) await setImmediate();
    expect(counts.posted).toBe(MAX_QUEUED_CHUNKS);
    expect(generated).toBeLessThanOrEqual(MAX_QUEUED_CHUNKS + 4);

    let taken = 0;
    let mostAhead = 0;
    for await (const chunk of body.chunks) {
      expect(chunk.byteLength).toBe(CHUNK);
      taken += 1;
      mostAhead = Math.max(mostAhead, counts.posted - taken);
      await setImmediate();
    }
    expect(taken).toBe(200);
    expect(mostAhead).toBeLessThanOrEqual(MAX_QUEUED_CHUNKS);
    stop();
    body.close();
    close();
  });

  it('breaks off with the reason when the request does', async () => {
    const source = new Readable({ read: () => undefined });
    const { main, worker, close } = channel();
    const stop = sendBody(source, main);
    const body = receiveBody(worker);
    source.push(Buffer.from('name\n'));
    const iterator = body.chunks[Symbol.asyncIterator]();
    expect((await iterator.next()).value.toString()).toBe('name\n');
    source.destroy(new Error('aborted'));
    await expect(iterator.next()).rejects.toThrow('aborted');
    stop();
    body.close();
    close();
  });
});
