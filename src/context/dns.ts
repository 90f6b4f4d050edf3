/**
 * The real DNS client: every name launchready resolves goes to exactly one resolver
 * (`network.resolver`, else the system's first nameserver), never through the operating system's resolver library,
 * so the lab and production are reached the same way.
 */
import { randomInt } from 'node:crypto';
import { formatResolver, parseResolverAddress, readSystemResolver, type ResolverAddress } from './dns-address.js';
import { assertQueryName, encodeQuery, toDnsResponse } from './dns-message.js';
import { resolveWithCnames } from './dns-resolve.js';
import { exchangeTcp, exchangeUdp, type Exchange } from './dns-transport.js';
import { DnsError, type DnsClient, type DnsRecordType, type DnsResponse } from './types.js';

export { parseResolverAddress, parseResolvConf, type ResolverAddress } from './dns-address.js';

export interface DnsClientOptions {
  /** `host:port` of the resolver; default the first nameserver of /etc/resolv.conf, port 53. */
  server?: string;
  /** Whole-question deadline, UDP retransmits and TCP fallback included (default 5000). */
  timeoutMs?: number;
  /** UDP retransmissions within the deadline (default 1). */
  retries?: number;
  /** Where to read the system resolver from when `server` is absent (tests). */
  resolvConfPath?: string;
}

/**
 * Creates a client. `server` is parsed now (a bad address throws at once); the system resolver
 * is read on the first question. Names are sent as given, minus a trailing dot; the records that
 * come back have lower-case names without trailing dots. TXT/SPF strings are UTF-8 when valid,
 * else latin1 (one code point per byte); see `decodeCharacterString`.
 *
 * An aborted `signal` rejects with the signal's reason (an AbortError unless the caller chose one).
 */
export function createDnsClient(opts: DnsClientOptions = {}): DnsClient {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const retries = opts.retries ?? 1;
  const fixed = opts.server === undefined ? undefined : parseResolverAddress(opts.server);
  let system: Promise<ResolverAddress> | undefined;
  const serverAddress = (): Promise<ResolverAddress> =>
    fixed ? Promise.resolve(fixed) : (system ??= readSystemResolver(opts.resolvConfPath));

  async function query(name: string, type: DnsRecordType, qopts: { signal?: AbortSignal } = {}): Promise<DnsResponse> {
    const userSignal = qopts.signal;
    userSignal?.throwIfAborted();
    assertQueryName(name);
    const qname = name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
    const server = await serverAddress();
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = userSignal ? AbortSignal.any([deadline, userSignal]) : deadline;
    const fresh = (): Exchange => {
      // RFC 5452 §9.2: an unpredictable id per message; the question is checked on the way back too.
      const id = randomInt(0, 65_536);
      return {
        server,
        id,
        name: qname,
        type,
        query: encodeQuery(id, qname, type),
        signal,
        onAbort: (malformed) => {
          if (userSignal?.aborted) return userSignal.reason;
          if (malformed) return new DnsError('BAD_RESPONSE', qname, malformed);
          return new DnsError('TIMEOUT', qname, `no answer from ${formatResolver(server)} within ${timeoutMs} ms`);
        },
      };
    };
    let packet = await exchangeUdp(fresh(), timeoutMs, retries);
    // RFC 7766 §5: a truncated UDP answer is asked again over TCP, within the same deadline.
    if (packet.flag_tc) packet = await exchangeTcp(fresh());
    return toDnsResponse(packet, qname);
  }

  return {
    query,
    resolve: (name, type, ropts = {}) => resolveWithCnames((current) => query(current, type, ropts), name, type),
  };
}
