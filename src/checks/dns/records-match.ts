/**
 * dns.records-match: every declared host resolves, and to what its config declares
 * (`expect.a`, `expect.aaaa`, `expect.cname`). A host that does not exist, or points somewhere
 * else than declared, takes the product down or sends its users to someone else's server.
 */
import type { HostExpectation } from '../../config/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { normalizeAddress, normalizeHostName } from '../../engines/dns/index.js';
import type { HostAddresses } from '../../probes/types.js';
import { uniqueHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

export type RecordsMessageId = 'nxdomain' | 'noAddress' | 'wrongAddress' | 'wrongCname';

export interface RecordsFinding {
  messageId: RecordsMessageId;
  evidence: Evidence;
}

export type RecordsVerdict = { ok: true; evidence: Evidence } | { ok: false; findings: RecordsFinding[] };

const sortedSet = (xs: readonly string[]) => [...new Set(xs.map(normalizeAddress))].sort();
const sameSet = (x: readonly string[], y: readonly string[]) => {
  const a = sortedSet(x);
  const b = sortedSet(y);
  return a.length === b.length && a.every((v, i) => v === b[i]);
};

/**
 * Judges one host's A/AAAA answer against its declared expectation. Address sets compare as sets
 * (order and duplicates never matter); `expect.cname` is the first CNAME of the chain, the record
 * the product's own zone holds (later links belong to the provider and may move).
 */
export function judgeRecords(got: HostAddresses, expect: HostExpectation = {}): RecordsVerdict {
  const chain = [got.name, ...got.cnames];
  const addresses = [...got.a, ...got.aaaa];
  const findings: RecordsFinding[] = [];

  if (expect.cname !== undefined) {
    const wanted = normalizeHostName(expect.cname);
    const first = got.cnames[0];
    if (first !== wanted) {
      findings.push({
        messageId: 'wrongCname',
        evidence: { expected: wanted, actual: first ?? '(no CNAME)', chain },
      });
    }
  }

  if (got.status === 'nxdomain') {
    const missing = chain[chain.length - 1];
    findings.unshift({
      messageId: 'nxdomain',
      evidence: { expected: 'the name resolves', actual: `NXDOMAIN for ${missing}`, missingName: missing, chain },
    });
    return { ok: false, findings };
  }
  if (got.status === 'nodata' || addresses.length === 0) {
    findings.unshift({
      messageId: 'noAddress',
      evidence: { expected: 'at least one A or AAAA record', actual: 'no A or AAAA record', chain },
    });
    return { ok: false, findings };
  }

  const families = [
    { family: 'A', expected: expect.a, actual: got.a },
    { family: 'AAAA', expected: expect.aaaa, actual: got.aaaa },
  ].filter((f) => f.expected !== undefined);
  const wrong = families.filter((f) => !sameSet(f.expected!, f.actual));
  if (wrong.length > 0) {
    findings.unshift({
      messageId: 'wrongAddress',
      evidence: {
        expected: wrong.flatMap((f) => sortedSet(f.expected!)),
        actual: wrong.flatMap((f) => (f.actual.length ? sortedSet(f.actual) : [`(no ${f.family} record)`])),
        families: wrong.map((f) => f.family),
        chain,
      },
    });
  }
  if (findings.length > 0) return { ok: false, findings };
  return { ok: true, evidence: { addresses, chain, ...(families.length || expect.cname ? { matches: 'declared expectation' } : {}) } };
}

export default createCheck({
  meta: {
    id: 'dns.records-match',
    stage: 1,
    title: 'Declared hosts resolve to their declared targets',
    defaultSeverity: 'blocker',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    nxdomain: '{{target}} does not resolve: {{actual}}',
    noAddress: '{{target}} exists but has no A or AAAA record',
    wrongAddress: '{{target}} resolves to {{actual}}, but {{expected}} is declared',
    wrongCname: '{{target}} is a CNAME to {{actual}}, but {{expected}} is declared',
  },
  remediation: {
    nxdomain:
      'Create the record at your DNS provider (an A/AAAA record, or a CNAME to your platform\'s target), or fix the CNAME target if the chain ends at a name that does not exist; then check with `dig +short <host>`. If the host was retired, remove it from launchready.yml.',
    noAddress:
      'The name exists but has no address: add an A (and AAAA if you serve IPv6) record, or a CNAME to your hosting target; a name with only TXT/MX records serves no website.',
    wrongAddress:
      'Point the record at the declared address (update the A/AAAA records at your DNS provider and wait for the old TTL to expire), or, if the move was intended, update `expect.a`/`expect.aaaa` in launchready.yml.',
    wrongCname:
      'Set the CNAME to the declared target (e.g. `api.example.com. 300 IN CNAME edge.cdn.example.net.`), or update `expect.cname` in launchready.yml if the platform changed.',
  },
  async run(ctx) {
    const hosts = uniqueHosts(ctx);
    const gathered = await mapLimit(hosts, ctx.config.network.concurrency, async (h) => {
      const addrs = await ctx.probes.addresses(h.name);
      // `addresses` swallows AAAA trouble (IPv4-only hosts are normal); a declared AAAA needs a clean answer.
      const aaaa = h.expect?.aaaa !== undefined ? await ctx.probes.dns(h.name, 'AAAA') : undefined;
      return { addrs, aaaa };
    });
    hosts.forEach((host, i) => {
      const { addrs, aaaa } = gathered[i];
      if (!addrs.ok) return ctx.error(host.name, addrs.error);
      if (aaaa && !aaaa.ok) return ctx.error(host.name, aaaa.error);
      const verdict = judgeRecords(addrs.value, host.expect);
      if (verdict.ok) return ctx.pass(host.name, { evidence: { environment: host.environment, ...verdict.evidence } });
      for (const f of verdict.findings) ctx.fail({ target: host.name, messageId: f.messageId, evidence: { environment: host.environment, ...f.evidence } });
    });
  },
});
