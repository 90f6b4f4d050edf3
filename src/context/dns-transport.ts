/**
 * One DNS exchange over UDP or TCP. Both end when the exchange's signal fires (deadline or the
 * caller's abort), on a socket error, or on the first message that answers our question.
 */
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { formatResolver, type ResolverAddress } from './dns-address.js';
import { isAnswerTo } from './dns-message.js';
import { DnsError, type DnsRecordType } from './types.js';

export interface Exchange {
  server: ResolverAddress;
  id: number;
  name: string;
  type: DnsRecordType;
  /** The encoded query. */
  query: Buffer;
  /** Fires on the whole-query deadline or the caller's abort. */
  signal: AbortSignal;
  /**
   * The error to reject with once `signal` fires; `malformed` describes an undecodable message
   * that carried our id, so a broken server reads as BAD_RESPONSE rather than TIMEOUT.
   */
  onAbort(malformed?: string): unknown;
}

/** TCP answers are at most 65535 bytes; a connection buffering more than two is misbehaving. */
const TCP_MAX_BUFFERED = 2 * (2 + 65_535);

function networkError(ex: Exchange, transport: string, err: unknown): DnsError {
  const e = err as NodeJS.ErrnoException;
  return new DnsError('NETWORK', ex.name, `${transport} to ${formatResolver(ex.server)} failed: ${e.code ?? e.message}`);
}

/**
 * Runs `body` with a `finish` that settles once, detaches from the signal and releases the socket.
 * Keeps the once-only bookkeeping out of the two transports.
 */
function settleOnce<T>(
  ex: Exchange,
  release: () => void,
  body: (finish: (err: unknown, value?: T) => void, malformed: (why: string) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let badMessage: string | undefined;
    const finish = (err: unknown, value?: T) => {
      if (done) return;
      done = true;
      ex.signal.removeEventListener('abort', onAbort);
      release();
      if (err) reject(err);
      else resolve(value as T);
    };
    const onAbort = () => finish(ex.onAbort(badMessage));
    if (ex.signal.aborted) {
      onAbort();
      return;
    }
    ex.signal.addEventListener('abort', onAbort, { once: true });
    body(finish, (why) => {
      badMessage ??= why;
    });
  });
}

/** Decodes `message` if it carries our id; undefined for other people's (or spoofed) messages. */
function ours(ex: Exchange, message: Buffer, malformed: (why: string) => void): dnsPacket.DecodedPacket | undefined {
  if (message.length < 2 || message.readUInt16BE(0) !== ex.id) return undefined;
  try {
    const packet = dnsPacket.decode(message);
    // A different question under our id is a spoofing attempt or a stale answer: not ours.
    return isAnswerTo(packet, ex.id, ex.name, ex.type) ? packet : undefined;
  } catch (err) {
    malformed(`undecodable answer from ${formatResolver(ex.server)}: ${(err as Error).message}`);
    return undefined;
  }
}

/**
 * Sends the query over UDP, retransmitting `retries` times at even intervals within `timeoutMs`.
 * The socket is connected, so the kernel drops datagrams from other addresses and reports ICMP
 * port-unreachable as ECONNREFUSED (→ NETWORK) instead of letting us wait for the deadline.
 */
export function exchangeUdp(ex: Exchange, timeoutMs: number, retries: number): Promise<dnsPacket.DecodedPacket> {
  const socket = dgram.createSocket(ex.server.family === 6 ? 'udp6' : 'udp4');
  let timer: NodeJS.Timeout | undefined;
  const release = () => {
    clearTimeout(timer);
    try {
      socket.close();
    } catch {
      // already closed after an error
    }
  };
  return settleOnce(ex, release, (finish, malformed) => {
    socket.on('error', (err) => finish(networkError(ex, 'UDP', err)));
    socket.on('message', (message: Buffer) => {
      const packet = ours(ex, message, malformed);
      if (packet) finish(undefined, packet);
    });
    const attempts = Math.max(1, Math.floor(retries) + 1);
    const interval = Math.max(20, Math.floor(timeoutMs / attempts));
    let sent = 0;
    const send = () => {
      sent++;
      try {
        socket.send(ex.query, (err) => {
          if (err) finish(networkError(ex, 'UDP', err));
        });
      } catch (err) {
        finish(networkError(ex, 'UDP', err)); // the socket closed under us (already settled)
        return;
      }
      if (sent < attempts) timer = setTimeout(send, interval);
    };
    socket.connect(ex.server.port, ex.server.host, () => send());
  });
}

/** Sends the query over TCP (RFC 7766) with 2-byte length framing; reads until our answer. */
export function exchangeTcp(ex: Exchange): Promise<dnsPacket.DecodedPacket> {
  const conn = net.connect({ host: ex.server.host, port: ex.server.port });
  return settleOnce(ex, () => conn.destroy(), (finish, malformed) => {
    let buffered = Buffer.alloc(0);
    conn.on('error', (err) => finish(networkError(ex, 'TCP', err)));
    conn.on('close', () => finish(new DnsError('NETWORK', ex.name, `TCP to ${formatResolver(ex.server)} closed before an answer`)));
    conn.on('connect', () => {
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(ex.query.length);
      conn.write(Buffer.concat([prefix, ex.query]));
    });
    conn.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > TCP_MAX_BUFFERED) {
        finish(new DnsError('BAD_RESPONSE', ex.name, `TCP answer from ${formatResolver(ex.server)} too large`));
        return;
      }
      // Each turn consumes at least 2 bytes, so the loop ends.
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (buffered.length < 2 + len) return;
        const message = buffered.subarray(2, 2 + len);
        buffered = buffered.subarray(2 + len);
        const packet = ours(ex, message, malformed);
        if (packet) {
          finish(undefined, packet);
          return;
        }
      }
    });
  });
}
