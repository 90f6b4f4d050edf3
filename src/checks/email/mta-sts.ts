/**
 * email.mta-sts: a receiving domain publishes MTA-STS (RFC 8461) — the `_mta-sts` TXT record and
 * a valid policy served over HTTPS with a trusted certificate whose `mx` patterns cover every MX
 * host — and TLS-RPT (RFC 8460), so senders refuse downgraded, unencrypted delivery and report
 * TLS failures. An enforce policy that misses an MX host makes senders refuse to deliver there:
 * that one is graded high.
 */
import type { MxData } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import { mapLimit } from '../../core/map-limit.js';
import type { Evidence, Severity } from '../../core/types.js';
import {
  classifyMx, joinTxt, MAX_POLICY_BYTES, parseStsPolicy, readStsTxt, readTlsRpt, receivesMail, stsPolicyHost, stsPolicyUrl,
  stsTxtName, tlsRptName, uncoveredMxHosts,
} from '../../engines/mail/index.js';

/** Below a day, a policy barely outlives the attacker's window it is meant to close. */
export const MIN_MAX_AGE = 86_400;

/** The policy fetch, as far as it got. */
export type PolicyFetch =
  | { kind: 'noHost'; host: string; status: string }
  | { kind: 'response'; url: string; status: number; contentType?: string; body: string; tlsAuthorized: boolean; tlsError?: string };

export interface StsInput {
  domain: string;
  mxHosts: string[];
  stsTexts: string[];
  /** Absent when there is no `_mta-sts` record (nothing to fetch). */
  policy?: PolicyFetch;
  tlsRptTexts: string[];
}

export interface StsFinding {
  messageId:
    | 'missing' | 'txtInvalid' | 'policyUnavailable' | 'policyCertificate' | 'policyInvalid' | 'mxNotCovered'
    | 'testingMode' | 'modeNone' | 'shortMaxAge' | 'tlsRptMissing' | 'tlsRptInvalid';
  severity?: Severity;
  data?: Record<string, unknown>;
  evidence: Evidence;
}

export type StsVerdict = { ok: true; evidence: Evidence } | { ok: false; findings: StsFinding[] };

function judgePolicy(input: StsInput, fetch: PolicyFetch, base: Evidence, findings: StsFinding[]): Evidence {
  const url = stsPolicyUrl(input.domain);
  if (fetch.kind === 'noHost') {
    findings.push({ messageId: 'policyUnavailable', data: { reason: `${fetch.host} does not resolve` }, evidence: { ...base, expected: `the policy at ${url}`, actual: `${fetch.host}: ${fetch.status.toUpperCase()}` } });
    return {};
  }
  if (fetch.status !== 200) {
    // §3.3: senders must not follow redirects; anything but 200 is no policy.
    const reason = fetch.status >= 300 && fetch.status < 400 ? `HTTP ${fetch.status} redirect (senders do not follow redirects)` : `HTTP ${fetch.status}`;
    findings.push({ messageId: 'policyUnavailable', data: { reason }, evidence: { ...base, expected: `200 with the policy at ${url}`, actual: reason } });
    return {};
  }
  if (!fetch.tlsAuthorized) {
    findings.push({
      messageId: 'policyCertificate',
      data: { reason: fetch.tlsError ?? 'untrusted' },
      evidence: { ...base, expected: `a certificate valid for ${stsPolicyHost(input.domain)} from a public CA (RFC 8461 §3.3)`, actual: fetch.tlsError ?? 'certificate not trusted' },
    });
  }
  const policy = parseStsPolicy(fetch.body);
  const notes = [...policy.notes];
  if (fetch.contentType && !/^text\/plain\b/i.test(fetch.contentType)) notes.push(`served as ${fetch.contentType}; RFC 8461 §3.2 asks for text/plain`);
  const shown: Evidence = {
    policyUrl: url,
    policy: { mode: policy.mode, mx: policy.mx, max_age: policy.maxAge },
    ...(notes.length ? { policyNotes: notes } : {}),
  };
  if (policy.problems.length) {
    findings.push({ messageId: 'policyInvalid', data: { problems: policy.problems.join('; ') }, evidence: { ...base, ...shown, expected: 'a policy as RFC 8461 §3.2 defines it', actual: policy.problems } });
    return shown;
  }
  const uncovered = uncoveredMxHosts(policy.mx, input.mxHosts);
  if (uncovered.length && policy.mode !== 'none') {
    findings.push({
      messageId: 'mxNotCovered',
      // With enforce, senders refuse to hand mail to a host the policy does not list.
      severity: policy.mode === 'enforce' ? 'high' : 'low',
      data: { hosts: uncovered.join(', '), mode: policy.mode },
      evidence: { ...base, ...shown, expected: `mx patterns covering ${input.mxHosts.join(', ')}`, actual: `not covered: ${uncovered.join(', ')}` },
    });
  }
  if (policy.mode === 'testing') {
    findings.push({ messageId: 'testingMode', severity: 'info', evidence: { ...base, ...shown, expected: 'mode: enforce', actual: 'mode: testing (failures are reported, mail still delivered without TLS)' } });
  } else if (policy.mode === 'none') {
    findings.push({ messageId: 'modeNone', evidence: { ...base, ...shown, expected: 'mode: enforce', actual: 'mode: none (the policy is withdrawn)' } });
  }
  if (policy.maxAge !== undefined && policy.maxAge < MIN_MAX_AGE) {
    findings.push({ messageId: 'shortMaxAge', data: { maxAge: policy.maxAge }, evidence: { ...base, ...shown, expected: `max_age ≥ ${MIN_MAX_AGE} (weeks are usual)`, actual: `max_age: ${policy.maxAge}` } });
  }
  return shown;
}

/** Judges everything gathered for one receiving domain. Pure. */
export function judgeMtaSts(input: StsInput): StsVerdict {
  const findings: StsFinding[] = [];
  const txt = readStsTxt(input.stsTexts);
  const base: Evidence = { mxHosts: input.mxHosts, ...(txt.records.length ? { stsRecord: txt.records.length === 1 ? txt.records[0] : txt.records } : {}) };
  let shown: Evidence = {};
  if (txt.status === 'missing') {
    findings.push({ messageId: 'missing', evidence: { ...base, expected: `TXT "v=STSv1; id=…" at ${stsTxtName(input.domain)}`, actual: 'none' } });
  } else {
    if (txt.status === 'invalid') {
      findings.push({ messageId: 'txtInvalid', data: { problems: txt.problems.join('; ') }, evidence: { ...base, expected: 'one "v=STSv1; id=<1–32 letters/digits>" record', actual: txt.problems } });
    }
    if (input.policy) shown = judgePolicy(input, input.policy, base, findings);
  }
  const rpt = readTlsRpt(input.tlsRptTexts);
  const rptShown: Evidence = rpt.records.length ? { tlsRpt: rpt.records.length === 1 ? rpt.records[0] : rpt.records } : {};
  if (rpt.status === 'missing') {
    findings.push({ messageId: 'tlsRptMissing', evidence: { ...base, expected: `TXT "v=TLSRPTv1; rua=mailto:…" at ${tlsRptName(input.domain)}`, actual: 'none' } });
  } else if (rpt.status === 'invalid') {
    findings.push({ messageId: 'tlsRptInvalid', data: { problems: rpt.problems.join('; ') }, evidence: { ...base, ...rptShown, expected: 'one "v=TLSRPTv1; rua=mailto:…|https://…" record', actual: rpt.problems } });
  }
  if (findings.length) return { ok: false, findings };
  return { ok: true, evidence: { ...base, stsId: txt.id, ...shown, ...rptShown } };
}

export default createCheck({
  meta: {
    id: 'email.mta-sts',
    stage: 2,
    title: 'MTA-STS and TLS-RPT published',
    defaultSeverity: 'low',
    targetKind: 'domain',
    needs: ['email'],
  },
  messages: {
    missing: '{{target}} publishes no MTA-STS policy: senders may deliver its mail over unencrypted or downgraded connections',
    txtInvalid: 'The _mta-sts record of {{target}} is invalid: {{problems}}',
    policyUnavailable: 'The MTA-STS policy of {{target}} cannot be fetched: {{reason}}',
    policyCertificate: 'The MTA-STS policy of {{target}} is served with an untrusted certificate ({{reason}}): senders ignore it',
    policyInvalid: 'The MTA-STS policy of {{target}} is invalid: {{problems}}',
    mxNotCovered: 'The MTA-STS policy ({{mode}}) of {{target}} does not list MX host(s) {{hosts}}',
    testingMode: 'The MTA-STS policy of {{target}} is in testing mode: TLS failures are reported, not prevented',
    modeNone: 'The MTA-STS policy of {{target}} is mode none: it protects nothing',
    shortMaxAge: 'The MTA-STS policy of {{target}} is cached for {{maxAge}} s only',
    tlsRptMissing: '{{target}} publishes no TLS-RPT record: nobody hears about failed TLS deliveries',
    tlsRptInvalid: 'The TLS-RPT record of {{target}} is invalid: {{problems}}',
  },
  remediation: {
    missing: 'Publish `_mta-sts.<domain>. TXT "v=STSv1; id=20260101T000000"` and serve `https://mta-sts.<domain>/.well-known/mta-sts.txt` (text/plain) with `version: STSv1`, `mode: testing`, one `mx:` line per MX host (or `*.provider.net`) and `max_age: 604800`; move to `mode: enforce` once TLS-RPT reports are clean.',
    txtInvalid: 'Keep exactly one `v=STSv1; id=<1–32 letters and digits>` TXT record at `_mta-sts.<domain>`; change the id whenever the policy changes.',
    policyUnavailable: 'Serve the policy at `https://mta-sts.<domain>/.well-known/mta-sts.txt` with status 200 and no redirect (a static host, a CDN rule or your provider\'s hosted MTA-STS), and give `mta-sts.<domain>` an A/AAAA or CNAME record.',
    policyCertificate: 'Serve `mta-sts.<domain>` with a certificate from a public CA covering that exact name (Let\'s Encrypt works): senders discard policies they cannot authenticate.',
    policyInvalid: 'Fix the lines listed: `version: STSv1`, `mode: enforce|testing|none`, `mx: <host or *.domain>` (one line each), `max_age: <seconds, at most 31557600>`, separated by line breaks.',
    mxNotCovered: 'Add an `mx:` line for each MX host listed (or a `*.domain` pattern that matches it) and change the TXT record\'s id so senders fetch the new policy — until then, enforcing senders will not deliver to those hosts.',
    testingMode: 'Once TLS-RPT reports show no failures, switch to `mode: enforce` and change the TXT id.',
    modeNone: 'Switch to `mode: testing` or `mode: enforce` (mode none only exists to withdraw a policy), and change the TXT id.',
    shortMaxAge: 'Raise `max_age` to at least a week (604800) — RFC 8461 expects weeks or more — and change the TXT id.',
    tlsRptMissing: 'Publish `_smtp._tls.<domain>. TXT "v=TLSRPTv1; rua=mailto:tls-reports@<domain>"` to receive daily reports of TLS delivery failures.',
    tlsRptInvalid: 'Keep one `v=TLSRPTv1; rua=…` record whose rua lists mailto: addresses or https: URLs, comma-separated.',
  },
  async run(ctx) {
    const txt = async (name: string): Promise<string[]> => {
      const got = await ctx.probes.dns(name, 'TXT');
      if (!got.ok) throw Object.assign(new Error(got.error.message), { code: got.error.code });
      return got.value.records.map((r) => joinTxt(r.data));
    };
    await mapLimit(ctx.config.email?.domains ?? [], ctx.config.network.concurrency, async (domain) => {
      const mx = await ctx.probes.dns(domain.name, 'MX');
      if (!mx.ok) return ctx.error(domain.name, mx.error);
      const shape = classifyMx(mx.value.records.map((r) => r.data as MxData));
      if (!receivesMail(domain.receives_mail, shape)) {
        return ctx.skip(domain.name, 'Not applicable: a send-only domain (MTA-STS protects mail delivered to a domain)');
      }
      let stsTexts: string[];
      let tlsRptTexts: string[];
      try {
        [stsTexts, tlsRptTexts] = await Promise.all([txt(stsTxtName(domain.name)), txt(tlsRptName(domain.name))]);
      } catch (err) {
        return ctx.error(domain.name, err);
      }
      let policy: PolicyFetch | undefined;
      if (readStsTxt(stsTexts).status !== 'missing') {
        const host = stsPolicyHost(domain.name);
        const addr = await ctx.probes.addresses(host);
        if (!addr.ok) return ctx.error(domain.name, addr.error, { host });
        if (addr.value.status !== 'ok') {
          policy = { kind: 'noHost', host, status: addr.value.status };
        } else {
          try {
            // Judged on the answer: an untrusted certificate is a finding, so verification is not enforced here.
            const res = await ctx.http.request({
              url: stsPolicyUrl(domain.name), method: 'GET', timeoutMs: ctx.config.network.timeoutMs, maxBodyBytes: MAX_POLICY_BYTES, signal: ctx.signal,
            });
            const type = res.headers['content-type'];
            policy = {
              kind: 'response', url: res.url, status: res.status, body: res.body.toString('utf8'),
              contentType: Array.isArray(type) ? type[0] : type,
              tlsAuthorized: res.tls?.authorized ?? false,
              tlsError: res.tls?.authorizationError,
            };
          } catch (err) {
            return ctx.error(domain.name, err, { url: stsPolicyUrl(domain.name) });
          }
        }
      }
      const mxHosts = shape.kind === 'hosts' ? shape.hosts.map((h) => h.exchange) : [];
      const verdict = judgeMtaSts({ domain: domain.name, mxHosts, stsTexts, policy, tlsRptTexts });
      if (verdict.ok) return ctx.pass(domain.name, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: domain.name, ...f });
    });
  },
});
