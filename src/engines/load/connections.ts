/**
 * The connections of a run: one undici `Client` per connection (HTTP/1.1, no pipelining), grouped
 * per origin, lent out one request at a time. A free list instead of undici's `Pool` keeps the
 * per-request cost at a pop and a push, and makes the in-flight cap exact: when every connection
 * of an origin is busy, `acquire` says so at once and the open loop counts a drop.
 */
import tls from 'node:tls';
import { Client } from 'undici';
import { createConnector } from '../../context/http-connector.js';

export interface OriginPool {
  /** A free connection, a new one while under the cap, else undefined. */
  acquire(): Client | undefined;
  release(client: Client): void;
  /** Requests currently holding a connection. */
  readonly busy: number;
}

export interface ConnectionSet {
  pool(origin: string): OriginPool;
  readonly inFlight: number;
  /** Destroys every connection; requests still in flight fail (and are counted as unfinished). */
  destroy(): Promise<void>;
}

export interface ConnectionOptions {
  /** Connections per origin at most. */
  cap: number;
  lookup: (host: string) => Promise<string[]>;
  ca?: string | Buffer;
  verifyTls: boolean;
  /** Bound of the connect phase (lookup, TCP, TLS). */
  timeoutMs: number;
  maxHeaderBytes: number;
}

/** Keep-alive of an idle connection between two requests of a slow open loop. */
const KEEP_ALIVE_MS = 30_000;

/** One lookup per host name and run: a thousand new connections must not mean a thousand queries. */
function memoiseLookup(lookup: (host: string) => Promise<string[]>): (host: string) => Promise<string[]> {
  const known = new Map<string, Promise<string[]>>();
  return (host) => {
    let answer = known.get(host);
    if (!answer) {
      answer = lookup(host);
      known.set(host, answer);
      // A failed lookup is asked again by the next connection rather than failing them all.
      answer.catch(() => known.delete(host));
    }
    return answer;
  };
}

/** The connections of one run; nothing is dialled until a request needs it. */
export function createConnectionSet(opts: ConnectionOptions): ConnectionSet {
  const connect = createConnector({
    lookup: memoiseLookup(opts.lookup),
    verifyTls: opts.verifyTls,
    // `ca` in tls.connect replaces node's roots, so extra roots go beside them.
    ca: opts.ca === undefined ? undefined : [...tls.rootCertificates, opts.ca],
    timeoutMs: opts.timeoutMs,
    record: () => undefined,
  });
  const pools = new Map<string, OriginPool>();
  const all: Client[] = [];
  let inFlight = 0;
  let destroyed: Promise<void> | undefined;

  const makePool = (origin: string): OriginPool => {
    const free: Client[] = [];
    let created = 0;
    let busy = 0;
    return {
      acquire() {
        let client = free.pop();
        if (!client) {
          if (created >= opts.cap) return undefined;
          client = new Client(origin, {
            connect,
            pipelining: 1,
            keepAliveTimeout: KEEP_ALIVE_MS,
            keepAliveMaxTimeout: KEEP_ALIVE_MS,
            maxHeaderSize: opts.maxHeaderBytes,
          });
          created += 1;
          all.push(client);
        }
        busy += 1;
        inFlight += 1;
        return client;
      },
      release(client) {
        busy -= 1;
        inFlight -= 1;
        free.push(client);
      },
      get busy() {
        return busy;
      },
    };
  };

  return {
    pool(origin) {
      let pool = pools.get(origin);
      if (!pool) {
        pool = makePool(origin);
        pools.set(origin, pool);
      }
      return pool;
    },
    get inFlight() {
      return inFlight;
    },
    destroy() {
      destroyed ??= Promise.all(all.map((c) => c.destroy().catch(() => undefined))).then(() => undefined);
      return destroyed;
    },
  };
}
