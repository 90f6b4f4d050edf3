/**
 * email.mx: a domain that receives mail has MX hosts that resolve (RFC 5321 §5.1); a domain that
 * only sends says so with a null MX (RFC 7505), so senders bounce mail to it at once instead of
 * retrying for days against its web server (the implicit MX).
 */
import type { MxData } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import { mapLimit } from '../../core/map-limit.js';
import type { Evidence, Severity } from '../../core/types.js';
import { classifyMx, formatMx, receivesMail } from '../../engines/mail/index.js';
import type { HostAddresses } from '../../probes/types.js';

export interface MxInput {
  /** `receives_mail` from the config, when declared. */
  declared?: boolean;
  /** The MX look-up's status for the domain. */
  status: 'ok' | 'nxdomain' | 'nodata';
  records: MxData[];
  /** Address look-ups of the real (non-literal) MX hosts. */
  hosts: Readonly<Record<string, Pick<HostAddresses, 'status' | 'a' | 'aaaa' | 'cnames'>>>;
}

export interface MxFinding {
  messageId: 'noMx' | 'nullMxOnReceiving' | 'nullMxMixed' | 'mxIsAddress' | 'unresolvableHost' | 'nullMxMissing' | 'unexpectedMx';
  severity?: Severity;
  data?: Record<string, unknown>;
  evidence: Evidence;
}

export type MxVerdict = { ok: true; evidence: Evidence } | { ok: false; findings: MxFinding[] };

/** Judges a domain's MX set against what it declares. Pure. */
export function judgeMx(input: MxInput): MxVerdict {
  const shape = classifyMx(input.records);
  const receives = receivesMail(input.declared, shape);
  const declared = input.declared === undefined ? {} : { receivesMail: input.declared };
  const inferred = input.declared === undefined ? { note: `receives_mail is not declared; judged as ${receives ? 'receiving' : 'send-only'} from DNS` } : {};
  const base: Evidence = { mx: input.status === 'nxdomain' ? 'NXDOMAIN' : formatMx(input.records), ...declared, ...inferred };

  if (!receives) {
    if (shape.kind === 'null') return { ok: true, evidence: { ...base, role: 'send-only' } };
    if (shape.kind === 'none') {
      return {
        ok: false,
        findings: [{
          messageId: 'nullMxMissing',
          severity: 'low',
          evidence: { ...base, expected: 'MX 0 . (null MX, RFC 7505)', actual: input.status === 'nxdomain' ? 'the domain does not exist' : 'no MX record: senders try its A/AAAA address instead' },
        }],
      };
    }
    return {
      ok: false,
      findings: [{ messageId: 'unexpectedMx', severity: 'low', evidence: { ...base, expected: 'MX 0 . (the domain is declared send-only)', actual: formatMx(input.records) } }],
    };
  }

  if (shape.kind === 'none') {
    return {
      ok: false,
      findings: [{
        messageId: 'noMx',
        evidence: { ...base, expected: 'MX records naming hosts that resolve', actual: input.status === 'nxdomain' ? 'the domain does not exist' : 'no MX record' },
      }],
    };
  }
  if (shape.kind === 'null') {
    return {
      ok: false,
      findings: [{ messageId: 'nullMxOnReceiving', severity: 'high', evidence: { ...base, expected: 'MX records naming mail hosts', actual: 'null MX (0 .): every message to the domain bounces' } }],
    };
  }

  const findings: MxFinding[] = [];
  const notes: string[] = [];
  const hosts: Evidence[] = [];
  const broken: string[] = [];
  for (const h of shape.hosts) {
    if (h.ipLiteral) {
      broken.push(h.exchange);
      continue;
    }
    const got = input.hosts[h.exchange];
    const addresses = got ? [...got.a, ...got.aaaa] : [];
    hosts.push({ host: h.exchange, preference: h.preference, addresses, ...(got?.cnames.length ? { cnames: got.cnames } : {}) });
    // RFC 2181 §10.3: an MX must not name an alias. Most MTAs follow it anyway, so it is a note.
    if (got?.cnames.length) notes.push(`${h.exchange} is an alias (CNAME → ${got.cnames.join(' → ')}); RFC 2181 §10.3 asks for the canonical name`);
    if (addresses.length === 0) broken.push(h.exchange);
  }
  const evidence = { ...base, hosts, ...(notes.length ? { notes } : {}) };
  if (shape.nullMixed) {
    findings.push({ messageId: 'nullMxMixed', severity: 'medium', evidence: { ...evidence, expected: 'a null MX alone, or only real hosts (RFC 7505 §3)', actual: formatMx(input.records) } });
  }
  const literals = shape.hosts.filter((h) => h.ipLiteral).map((h) => h.exchange);
  if (literals.length) {
    findings.push({
      messageId: 'mxIsAddress',
      severity: broken.length === shape.hosts.length ? 'high' : 'medium',
      data: { hosts: literals.join(', ') },
      evidence: { ...evidence, expected: 'MX names a host name (RFC 5321 §5.1)', actual: literals },
    });
  }
  const unresolved = broken.filter((b) => !literals.includes(b));
  if (unresolved.length) {
    findings.push({
      messageId: 'unresolvableHost',
      // Every host unreachable means no mail arrives at all; one of several is a lost fallback.
      severity: broken.length === shape.hosts.length ? 'high' : 'medium',
      data: { hosts: unresolved.join(', ') },
      evidence: {
        ...evidence,
        expected: 'every MX host has an A or AAAA record',
        actual: unresolved.map((u) => `${u}: ${input.hosts[u]?.status === 'nxdomain' ? 'NXDOMAIN' : 'no address'}`),
      },
    });
  }
  return findings.length ? { ok: false, findings } : { ok: true, evidence: { ...evidence, role: 'receiving' } };
}

export default createCheck({
  meta: {
    id: 'email.mx',
    stage: 2,
    title: 'MX hosts resolve; null MX on send-only domains',
    defaultSeverity: 'medium',
    targetKind: 'domain',
    needs: ['email'],
  },
  messages: {
    noMx: '{{target}} receives mail but has no MX record',
    nullMxOnReceiving: '{{target}} is declared to receive mail but publishes a null MX: all mail to it bounces',
    nullMxMixed: '{{target}} mixes a null MX with real MX hosts',
    mxIsAddress: 'MX of {{target}} names an address ({{hosts}}), not a host name: senders cannot deliver there',
    unresolvableHost: 'MX host(s) of {{target}} do not resolve: {{hosts}}',
    nullMxMissing: '{{target}} sends only but has no null MX: mail to it lingers in retry queues instead of bouncing',
    unexpectedMx: '{{target}} is declared send-only but has MX hosts',
  },
  remediation: {
    noMx: 'Add the MX records your mail provider gives you (e.g. `example.com. MX 10 mx1.provider.net.`), or set `receives_mail: false` and publish a null MX if nobody reads mail there.',
    nullMxOnReceiving: 'Replace the `MX 0 .` record with the provider\'s MX hosts, or set `receives_mail: false` if the domain really takes no mail.',
    nullMxMixed: 'Remove the `MX 0 .` record (RFC 7505 §3: a null MX must be the only MX), or remove the other MX records if the domain takes no mail.',
    mxIsAddress: 'Point the MX at a host name with an A/AAAA record (`MX 10 mail.example.com.` plus `mail.example.com. A 192.0.2.25`): an MX target is never an IP address.',
    unresolvableHost: 'Give each MX host an A/AAAA record, or replace it with the provider\'s current MX host names.',
    nullMxMissing: 'Publish a null MX: `example.com. MX 0 .` (RFC 7505), or set `receives_mail: true` and add MX records if the domain does take mail.',
    unexpectedMx: 'Remove the MX records and publish `MX 0 .`, or set `receives_mail: true` if the domain does take mail (replies, bounces).',
  },
  async run(ctx) {
    await mapLimit(ctx.config.email?.domains ?? [], ctx.config.network.concurrency, async (domain) => {
      const got = await ctx.probes.dns(domain.name, 'MX');
      if (!got.ok) return ctx.error(domain.name, got.error);
      const records = got.value.records.map((r) => r.data as MxData);
      const shape = classifyMx(records);
      const hosts: Record<string, HostAddresses> = {};
      if (shape.kind === 'hosts' && receivesMail(domain.receives_mail, shape)) {
        for (const h of shape.hosts.filter((x) => !x.ipLiteral)) {
          const addr = await ctx.probes.addresses(h.exchange);
          if (!addr.ok) return ctx.error(domain.name, addr.error, { host: h.exchange });
          hosts[h.exchange] = addr.value;
        }
      }
      const verdict = judgeMx({ declared: domain.receives_mail, status: got.value.status, records, hosts });
      if (verdict.ok) return ctx.pass(domain.name, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: domain.name, ...f });
    });
  },
});
