import { Request, Response } from 'express';

/** A refused body up to this size is read to its end and dropped, keeping the connection. */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

/**
 * After an import ends with part of its body unread (refused mid-body, or before a byte was
 * read), the rest must not be left in the socket: the client's next request on a keep-alive
 * connection would be read from the middle of this body. A body of known size up to
 * DRAIN_MAX_BYTES is read and dropped, keeping the connection; a larger or chunked one gets
 * `Connection: close`, and Node closes the socket once the answer is sent.
 */
export function settleUnreadBody(request: Request, response: Response): void {
  if (request.complete || request.destroyed) return;
  const declared = Number(request.headers['content-length']);
  const drainable = Number.isFinite(declared) && declared <= DRAIN_MAX_BYTES;
  if (!drainable && !response.headersSent) response.setHeader('Connection', 'close');
  // Read and dropped through 'readable': a reader left behind (an async iterator) keeps the
  // stream in that mode, where resume() would do nothing.
  const drop = () => {
    while (request.read() !== null);
  };
  request.on('readable', drop);
  drop();
}
