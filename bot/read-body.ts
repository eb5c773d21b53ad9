import type { IncomingMessage } from 'node:http';

/**
 * Reads a request's exact body bytes, stopping as soon as it passes `limit` bytes (by its declared
 * Content-Length or as it streams): it then resolves `'too-large'` and drains the rest without
 * buffering it, so the client still gets the answer. Rejects when the client aborts. Used by the
 * activity route (JSON) and the Slack route (signed raw bytes).
 */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(chunks.length === 1 && chunks[0] ? chunks[0] : Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}
