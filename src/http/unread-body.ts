// A request refused before its body was read whole (too large, unauthenticated, the wrong type)
// must not leave that body on a keep-alive connection, where it would be parsed as the next
// request. The refusal says Connection: close; before sending it, what is still coming is read and
// thrown away up to a bound, so that the socket then closes cleanly (a socket closed on unread
// bytes is reset, and the client may lose the answer with it). Past the bound or the time limit
// the answer goes at once and the connection is cut: a client sending gigabytes is not waited for.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Bytes read and discarded after a refusal, at most. */
export const DISCARD_LIMIT_BYTES = 1024 * 1024;
/** How long a refusal waits for the rest of the body, at most. */
export const DISCARD_LIMIT_MS = 2000;

/** Reads and discards the rest of the body, within the bounds; resolves when done or past them. */
export function discardUnreadBody(req: IncomingMessage): Promise<void> {
  // A body already read whole, or a request stream already ended by its reader (the socket's parser
  // then drops the remaining bytes itself), leaves nothing to wait for.
  if (req.complete || req.destroyed || req.readableEnded) return Promise.resolve();
  return new Promise((resolve) => {
    let discarded = 0;
    const done = () => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', done);
      req.off('error', done);
      req.off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > DISCARD_LIMIT_BYTES) done();
    };
    const timer = setTimeout(done, DISCARD_LIMIT_MS);
    timer.unref();
    req.on('data', onData);
    req.on('end', done);
    req.on('error', done);
    req.on('close', done);
    req.resume();
  });
}

/** Sends a refusal for a body not read whole: bounded discard first, then the answer, then close. */
export async function refuseUnreadBody(req: IncomingMessage, res: ServerResponse, send: () => void): Promise<void> {
  await discardUnreadBody(req);
  res.setHeader('connection', 'close');
  // Node ends the connection once an answer saying Connection: close is out.
  send();
}
