import { Readable, finished } from 'node:stream';
import { MessagePort, TransferListItem } from 'node:worker_threads';

/**
 * Chunks the worker may hold unread before the request is paused: a request chunk is at most
 * 64 KiB, so a body never waits in memory beyond half a MiB, however large the upload.
 */
export const MAX_QUEUED_CHUNKS = 8;

/** Main thread → worker: the body, chunk by chunk, then its end or why it broke off. */
export type BodyMessage =
  { type: 'chunk'; bytes: Uint8Array } | { type: 'end' } | { type: 'broken'; reason: string };

/** Worker → main thread: one chunk was taken from the queue. */
export const CHUNK_TAKEN = 'chunkTaken';

/** The main thread's end of the channel: the Worker (a MessagePort in the unit tests). */
export interface WorkerEnd {
  postMessage(message: unknown, transfer?: readonly TransferListItem[]): void;
  on(event: 'message', listener: (message: { type?: unknown }) => void): unknown;
  off(event: 'message', listener: (message: { type?: unknown }) => void): unknown;
}

/**
 * The main thread's side: posts the body's chunks to the worker, handing over their memory
 * rather than copying it, and pauses the request while the worker has MAX_QUEUED_CHUNKS
 * waiting, resuming once it has taken half of them. Returns `stop`, for when the worker has
 * answered: the rest of a refused body is left unread, as on the main thread.
 */
export function sendBody(body: Readable, worker: WorkerEnd): () => void {
  let queued = 0;
  let paused = false;
  let stopped = false;
  const onTaken = (message: { type?: unknown }) => {
    if (message.type !== CHUNK_TAKEN) return;
    queued -= 1;
    if (paused && queued <= MAX_QUEUED_CHUNKS / 2) {
      paused = false;
      body.resume();
    }
  };
  const onChunk = (chunk: Buffer) => {
    const bytes = ownMemory(chunk);
    post({ type: 'chunk', bytes }, [bytes.buffer as ArrayBuffer]);
    queued += 1;
    if (queued >= MAX_QUEUED_CHUNKS && !paused) {
      paused = true;
      body.pause();
    }
  };
  const post = (message: BodyMessage, transfer: TransferListItem[] = []) => {
    if (!stopped) worker.postMessage(message, transfer);
  };
  worker.on('message', onTaken);
  body.on('data', onChunk);
  const stopWatching = finished(body, { writable: false }, (error) =>
    post(error ? { type: 'broken', reason: error.message } : { type: 'end' }),
  );
  return () => {
    stopped = true;
    worker.off('message', onTaken);
    body.off('data', onChunk);
    stopWatching();
    if (!body.readableEnded) body.pause();
  };
}

/**
 * The worker's side: the body as the byte stream the import pipeline reads. Each chunk taken is
 * reported back, which is what lets the main thread resume the request. `close` stops
 * listening, so that the worker can exit once its job is done, read to the end or not.
 */
export function receiveBody(port: MessagePort): {
  chunks: AsyncIterable<Buffer>;
  close: () => void;
} {
  const queue: Buffer[] = [];
  let ended = false;
  let broken: Error | undefined;
  let wake: (() => void) | undefined;
  const onMessage = (message: BodyMessage) => {
    if (message.type === 'chunk') {
      const { buffer, byteOffset, byteLength } = message.bytes;
      queue.push(Buffer.from(buffer, byteOffset, byteLength));
    } else if (message.type === 'end') ended = true;
    else if (message.type === 'broken') broken = new Error(message.reason);
    wake?.();
    wake = undefined;
  };
  port.on('message', onMessage);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = queue.shift();
      if (chunk) {
        port.postMessage({ type: CHUNK_TAKEN });
        yield chunk;
      } else if (broken) throw broken;
      else if (ended) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return { chunks: chunks(), close: () => port.off('message', onMessage) };
}

/**
 * The chunk itself when it spans an ArrayBuffer of its own (Node's HTTP body chunks do), else a
 * copy of it: a slice of a pooled or shared buffer must not be handed away.
 */
function ownMemory(chunk: Buffer): Uint8Array {
  const whole = chunk.byteOffset === 0 && chunk.byteLength === chunk.buffer.byteLength;
  return whole && chunk.buffer instanceof ArrayBuffer ? chunk : new Uint8Array(chunk);
}
