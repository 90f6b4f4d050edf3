/**
 * Writers for the hostile hosts: each one respects backpressure, is bounded in bytes and time,
 * and stops (clearing its timers and listeners) as soon as the client goes away.
 */
import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import zlib from 'node:zlib';

/**
 * Writes `block` `count` times, waiting for 'drain' whenever the socket is full, then ends.
 * A client that disconnects destroys `res`; the loop sees it and stops.
 */
export function pumpBlocks(res: ServerResponse, block: Buffer, count: number): void {
  let sent = 0;
  const write = (): void => {
    while (sent < count) {
      if (res.destroyed) return;
      sent += 1;
      if (!res.write(block)) {
        res.once('drain', write);
        return;
      }
    }
    res.end();
  };
  res.once('close', () => res.off('drain', write));
  write();
}

/** Writes `byte` every `intervalMs`, at most `maxBytes` times; the interval dies with the connection. */
export function trickle(res: ServerResponse, byte: string, intervalMs: number, maxBytes: number): void {
  let sent = 0;
  const tick = (): void => {
    if (res.destroyed) return stop();
    res.write(byte);
    sent += 1;
    if (sent >= maxBytes) {
      stop();
      res.end();
    }
  };
  const timer = setInterval(tick, intervalMs);
  const stop = (): void => clearInterval(timer);
  res.once('close', stop);
  tick();
}

/**
 * Writes `line` to the raw socket until `maxBytes` or the client hangs up, then destroys the
 * socket. Used for a response head that never ends, which ServerResponse cannot produce.
 */
export function pumpRawLines(socket: Socket, line: string, maxBytes: number): void {
  const batch = Buffer.from(line.repeat(Math.max(1, Math.floor(16_384 / line.length))));
  let sent = 0;
  const write = (): void => {
    while (sent < maxBytes) {
      if (socket.destroyed) return;
      sent += batch.length;
      if (!socket.write(batch)) {
        socket.once('drain', write);
        return;
      }
    }
    socket.destroy();
  };
  socket.once('close', () => socket.off('drain', write));
  write();
}

/**
 * A gzip "bomb" block: `members` gzip members of `memberBytes` zeros each, concatenated. RFC 1952
 * §2.2 lets a gzip file hold several members and decoders inflate them all, so repeating a small
 * member gives any inflated size without ever compressing gigabytes here (~1 KB per MiB).
 */
export function gzipBombBlock(memberBytes: number, members: number): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(memberBytes), { level: 9 });
  return Buffer.concat(Array.from({ length: members }, () => member));
}
