/** Bounded request-body reading for the sample app. */
import type { IncomingMessage } from 'node:http';

/** The API's body limit: anything larger is "too large" (413 in `fixed`, a leak in `default`). */
export const BODY_LIMIT = 1024 * 1024;
/**
 * Bodies above the limit are read and thrown away up to this size so the client gets an answer
 * rather than a reset while it is still writing; beyond it the connection is dropped.
 */
const DRAIN_LIMIT = 8 * 1024 * 1024;

export type BodyResult = { ok: true; text: string } | { ok: false; size: number };

/** Reads the body, keeping at most `limit` bytes; resolves once, whatever happens to the stream. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(size > limit ? { ok: false, size } : { ok: true, text: Buffer.concat(chunks).toString('utf8') });
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT) req.destroy();
    });
    req.on('end', finish);
    req.on('error', finish);
    req.on('close', finish);
  });
}
