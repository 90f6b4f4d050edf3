/**
 * The lab's authoritative DNS server: one `Zone` served over UDP and TCP on the same port number
 * (RFC 7766: TCP is mandatory, and the client falls back to it on truncation).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import dnsPacket from 'dns-packet';
import { answerQuestion, indexZone, type AnswerOptions, type ZoneIndex } from './zone-answer.js';
import { encodeResponse, udpLimitOf, type ServerRcode } from './zone-wire.js';
import type { Zone } from './zone.js';

export interface DnsServerOptions {
  zone: Zone;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port, the same number for UDP and TCP. */
  port?: number;
  /**
   * Chase CNAME chains inside the zone (default true). False answers only the CNAME at the asked
   * name, like a server authoritative for that name alone, so clients must ask for the target.
   */
  followCnames?: boolean;
}

export interface LabDnsServer {
  readonly host: string;
  readonly port: number;
  /** `host:port` (`[::1]:port` for IPv6), ready for `network.resolver`. */
  readonly address: string;
  /** Serves another zone from the next query on. */
  setZone(zone: Zone): void;
  /** Well-formed queries received so far, over both transports (answered or not). */
  readonly queries: number;
  stop(): Promise<void>;
}

/** A TCP connection idle this long is closed (RFC 7766 §6.2.3 suggests seconds, not minutes). */
const TCP_IDLE_MS = 10_000;
/** At most this many bytes buffered per TCP connection: a few maximal messages. */
const TCP_MAX_BUFFERED = 4 * (2 + 65_535);
const TCP_MAX_MESSAGE = 65_535;
/** Bound on the bind-UDP-then-TCP dance when the OS hands out a port TCP cannot take. */
const BIND_ATTEMPTS = 20;

function bindUdp(host: string, port: number): Promise<dgram.Socket> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket(net.isIPv6(host) ? 'udp6' : 'udp4');
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket);
    });
  });
}

function listenTcp(server: net.Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeUdp(socket: dgram.Socket): Promise<void> {
  return new Promise((resolve) => {
    try {
      socket.close(() => resolve());
    } catch {
      resolve(); // already closed
    }
  });
}

/** Starts the server; resolves once both transports listen. */
export async function startDnsServer(opts: DnsServerOptions): Promise<LabDnsServer> {
  const host = opts.host ?? '127.0.0.1';
  const answerOpts: AnswerOptions = { followCnames: opts.followCnames ?? true };
  let index: ZoneIndex = indexZone(opts.zone);
  let queries = 0;
  const connections = new Set<net.Socket>();

  /** The reply to one message, or undefined to stay silent (garbage, responses, `timeout` names). */
  function reply(message: Buffer, udpLimit: (q: dnsPacket.DecodedPacket) => number | undefined): Buffer | undefined {
    try {
      return replyOrThrow(message, udpLimit);
    } catch {
      return undefined; // a question even SERVFAIL cannot echo: stay silent rather than crash the lab
    }
  }

  function replyOrThrow(message: Buffer, udpLimit: (q: dnsPacket.DecodedPacket) => number | undefined): Buffer | undefined {
    let query: dnsPacket.DecodedPacket;
    try {
      query = dnsPacket.decode(message);
    } catch {
      return undefined; // malformed: ignored, never fatal
    }
    // Never answer a response: two servers must not ping-pong.
    if (query.type !== 'query') return undefined;
    queries++;
    const limit = udpLimit(query);
    const questions = query.questions ?? [];
    const opcode = ((query.flags ?? 0) >> 11) & 0xf;
    const bare = (rcode: ServerRcode) => encodeResponse(query, { rcode, answers: [], authorities: [] }, limit);
    if (opcode !== 0) return bare('NOTIMP');
    if (questions.length !== 1) return bare('FORMERR');
    try {
      const answer = answerQuestion(index, questions[0].name, questions[0].type, answerOpts);
      return answer.kind === 'silent' ? undefined : encodeResponse(query, answer, limit);
    } catch {
      // Zone data that cannot be encoded (a bad address, say) is a server failure, not a crash.
      return bare('SERVFAIL');
    }
  }

  function serveTcp(conn: net.Socket): void {
    connections.add(conn);
    conn.setTimeout(TCP_IDLE_MS, () => conn.destroy());
    conn.on('error', () => conn.destroy());
    conn.on('close', () => connections.delete(conn));
    let buffered = Buffer.alloc(0);
    conn.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length > TCP_MAX_BUFFERED) {
        conn.destroy();
        return;
      }
      // RFC 1035 §4.2.2: each message is prefixed by its 2-byte length; several may share a
      // segment and one may span several. Each turn consumes at least 2 bytes, so this ends.
      while (buffered.length >= 2) {
        const len = buffered.readUInt16BE(0);
        if (buffered.length < 2 + len) break;
        const message = buffered.subarray(2, 2 + len);
        buffered = buffered.subarray(2 + len);
        const out = reply(message, () => TCP_MAX_MESSAGE);
        if (!out || conn.destroyed) continue;
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(out.length);
        conn.write(Buffer.concat([prefix, out]));
      }
    });
  }

  let udp: dgram.Socket | undefined;
  let tcp: net.Server | undefined;
  for (let attempt = 0; attempt < BIND_ATTEMPTS && !tcp; attempt++) {
    const socket = await bindUdp(host, opts.port ?? 0);
    const server = net.createServer(serveTcp);
    try {
      await listenTcp(server, host, socket.address().port);
      udp = socket;
      tcp = server;
    } catch (err) {
      await closeUdp(socket);
      const taken = (err as NodeJS.ErrnoException).code === 'EADDRINUSE';
      // A fixed port cannot be retried; port 0 gets a fresh pair.
      if (!taken || opts.port) throw err;
    }
  }
  if (!udp || !tcp) throw new Error(`no port free for both UDP and TCP after ${BIND_ATTEMPTS} attempts`);

  const udpSocket = udp;
  const tcpServer = tcp;
  udpSocket.on('error', () => undefined); // send failures (client gone) must not crash the lab
  udpSocket.on('message', (message, rinfo) => {
    const out = reply(message, udpLimitOf);
    if (out) udpSocket.send(out, rinfo.port, rinfo.address, () => undefined);
  });

  const port = udpSocket.address().port;
  let stopped: Promise<void> | undefined;
  return {
    host,
    port,
    address: net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`,
    setZone(zone) {
      index = indexZone(zone);
    },
    get queries() {
      return queries;
    },
    stop() {
      stopped ??= (async () => {
        for (const conn of connections) conn.destroy();
        await Promise.all([closeUdp(udpSocket), new Promise<void>((resolve) => tcpServer.close(() => resolve()))]);
      })();
      return stopped;
    },
  };
}
