/**
 * email.dkim: every DKIM selector the config declares publishes a usable public key — present,
 * parseable, not revoked, RSA of at least 1024 bits (2048 recommended) or Ed25519 — at
 * `<selector>._domainkey.<domain>`. Declared selectors are judged strictly. With none declared,
 * a short list of common selectors is tried; finding nothing proves little (selectors can be
 * any name), so that is a `low` finding, never a blocker.
 */
import { createCheck } from '../../core/create-check.js';
import { mapLimit } from '../../core/map-limit.js';
import type { Evidence, Severity } from '../../core/types.js';
import { COMMON_DKIM_SELECTORS, looksLikeDkimKey, parseDkimKeyRecord, selectorName, type DkimKeyRecord } from '../../engines/dkim/index.js';
import { joinTxt } from '../../engines/mail/index.js';
import type { ProbeError } from '../../probes/types.js';

/** RFC 8301 §3.2: verifiers MUST NOT accept RSA keys under 1024 bits; signers SHOULD use 2048. */
export const MIN_RSA_BITS = 1024;
export const RECOMMENDED_RSA_BITS = 2048;

/** What one selector's look-up found. */
export type SelectorAnswer =
  | { kind: 'error'; error: ProbeError }
  | { kind: 'absent'; status: string }
  | { kind: 'found'; texts: string[]; cnames: string[] };

export interface DkimFinding {
  messageId: 'missing' | 'invalid' | 'revoked' | 'weakKey' | 'shortKey' | 'testing';
  severity?: Severity;
  data?: Record<string, unknown>;
  evidence: Evidence;
}

export type SelectorVerdict = { ok: true; evidence: Evidence; key: DkimKeyRecord } | { ok: false; findings: DkimFinding[]; key?: DkimKeyRecord };

/** `p=MIIBIjANBgkq…(392 characters)`: the key is public, but 400 characters drown the evidence. */
export function abbreviateKeyRecord(record: string): string {
  return record.replace(/(\bp\s*=\s*)([A-Za-z0-9+/=\s]{40,})/, (_m, tag: string, key: string) => `${tag}${key.replace(/\s+/g, '').slice(0, 24)}…(${key.replace(/\s+/g, '').length} characters)`);
}

/** Judges one selector's records. Pure. */
export function judgeSelector(name: string, answer: Exclude<SelectorAnswer, { kind: 'error' }>): SelectorVerdict {
  const keys = answer.kind === 'found' ? answer.texts.filter(looksLikeDkimKey) : [];
  if (keys.length === 0) {
    const actual = answer.kind === 'absent' ? `${answer.status.toUpperCase()} for ${name}` : `no DKIM key record among ${answer.texts.length} TXT record(s)`;
    return { ok: false, findings: [{ messageId: 'missing', evidence: { expected: `a "v=DKIM1; k=…; p=…" TXT record at ${name}`, actual } }] };
  }
  const via = answer.kind === 'found' && answer.cnames.length ? { foundVia: [name, ...answer.cnames] } : {};
  if (keys.length > 1) {
    return {
      ok: false,
      findings: [{
        messageId: 'invalid',
        data: { problems: `${keys.length} key records: verifiers may pick either (RFC 6376 §3.6.2.2)` },
        evidence: { ...via, expected: 'exactly one key record', actual: keys.map(abbreviateKeyRecord) },
      }],
    };
  }
  const key = parseDkimKeyRecord(keys[0]);
  const base: Evidence = {
    ...via,
    record: abbreviateKeyRecord(key.raw),
    keyType: key.keyType,
    ...(key.bits ? { bits: key.bits } : {}),
    ...(key.notes.length ? { notes: key.notes } : {}),
  };
  if (key.status === 'invalid') {
    return {
      ok: false, key,
      findings: [{ messageId: 'invalid', data: { problems: key.problems.join('; ') }, evidence: { ...base, expected: 'a valid DKIM key record (RFC 6376 §3.6.1)', actual: key.problems } }],
    };
  }
  if (key.status === 'revoked') {
    return { ok: false, key, findings: [{ messageId: 'revoked', evidence: { ...base, expected: 'a public key in p=', actual: 'p= is empty: the key is revoked' } }] };
  }
  const findings: DkimFinding[] = [];
  if (key.keyType === 'rsa' && key.bits !== undefined && key.bits < MIN_RSA_BITS) {
    findings.push({
      messageId: 'weakKey',
      severity: 'high',
      data: { bits: key.bits },
      evidence: { ...base, expected: `RSA ≥ ${MIN_RSA_BITS} bits (${RECOMMENDED_RSA_BITS} recommended)`, actual: `${key.bits} bits` },
    });
  } else if (key.keyType === 'rsa' && key.bits !== undefined && key.bits < RECOMMENDED_RSA_BITS) {
    findings.push({
      messageId: 'shortKey',
      severity: 'low',
      data: { bits: key.bits },
      evidence: { ...base, expected: `RSA ${RECOMMENDED_RSA_BITS} bits (RFC 8301 §3.2)`, actual: `${key.bits} bits` },
    });
  }
  if (key.testing) {
    findings.push({ messageId: 'testing', severity: 'low', evidence: { ...base, expected: 'no t=y flag', actual: 't=y: verifiers treat signed mail like unsigned mail' } });
  }
  return findings.length ? { ok: false, findings, key } : { ok: true, evidence: base, key };
}

export default createCheck({
  meta: {
    id: 'email.dkim',
    stage: 2,
    title: 'DKIM keys published and strong',
    defaultSeverity: 'high',
    targetKind: 'domain',
    needs: ['email'],
  },
  messages: {
    missing: 'No DKIM key at {{target}}: mail signed with this selector fails DKIM',
    invalid: 'The DKIM key record at {{target}} is invalid: {{problems}}',
    revoked: 'The DKIM key at {{target}} is revoked (empty p=): mail signed with it fails DKIM',
    weakKey: 'The DKIM key at {{target}} is RSA {{bits}} bits: verifiers reject it and it can be factored',
    shortKey: 'The DKIM key at {{target}} is RSA {{bits}} bits; 2048 is recommended',
    testing: 'The DKIM key at {{target}} is flagged t=y (testing): DKIM results carry no weight',
    noSelectorFound: 'No DKIM key found for {{target}} at any common selector; declare the selectors you sign with',
  },
  remediation: {
    missing: 'Publish the selector\'s public key from your mail provider\'s admin console as a TXT record at the name shown (`v=DKIM1; k=rsa; p=…`), or fix `dkim_selectors` if the provider uses another selector.',
    invalid: 'Copy the record again from the mail provider: one TXT record per selector, `v=DKIM1` first if present, `k=rsa` or `k=ed25519`, and the complete base64 key in `p=` (long keys are split into several quoted strings of one record, not several records).',
    revoked: 'Publish the current key for this selector, or remove the selector from `dkim_selectors` if the provider rotated to another one.',
    weakKey: 'Generate a 2048-bit RSA key in the mail provider\'s console, publish it under a new selector, switch signing to it, then revoke the old one (empty p=).',
    shortKey: 'Rotate to a 2048-bit RSA key under a new selector (most providers offer it), then revoke the 1024-bit one.',
    testing: 'Remove `t=y` from the key record once signing works.',
    noSelectorFound: 'List the selectors your mail providers sign with under `email.domains[].dkim_selectors` (the `s=` tag of a received message\'s DKIM-Signature header shows it), and publish their keys.',
  },
  async run(ctx) {
    const lookup = async (name: string): Promise<SelectorAnswer> => {
      const got = await ctx.probes.dns(name, 'TXT');
      if (!got.ok) return { kind: 'error', error: got.error };
      if (got.value.status !== 'ok') return { kind: 'absent', status: got.value.status };
      return { kind: 'found', texts: got.value.records.map((r) => joinTxt(r.data)), cnames: got.value.cnames };
    };
    const report = (name: string, selector: string, v: SelectorVerdict, extra: Evidence = {}) => {
      if (v.ok) return ctx.pass(name, { evidence: { selector, ...v.evidence, ...extra } });
      for (const f of v.findings) ctx.fail({ target: name, ...f, evidence: { selector, ...f.evidence, ...extra } });
    };
    const concurrency = ctx.config.network.concurrency;

    for (const domain of ctx.config.email?.domains ?? []) {
      const declared = domain.dkim_selectors ?? [];
      if (declared.length > 0) {
        await mapLimit(declared, concurrency, async (selector) => {
          const name = selectorName(selector, domain.name);
          const answer = await lookup(name);
          if (answer.kind === 'error') return ctx.error(name, answer.error);
          report(name, selector, judgeSelector(name, answer));
        });
        continue;
      }
      // Nothing declared: guess. Absent guesses are expected; only keys found are judged.
      const answers = await mapLimit(COMMON_DKIM_SELECTORS, concurrency, async (selector) => {
        const name = selectorName(selector, domain.name);
        return { selector, name, answer: await lookup(name) };
      });
      const errors = answers.filter((a) => a.answer.kind === 'error');
      const found = answers.flatMap((a) =>
        a.answer.kind === 'found' && a.answer.texts.some(looksLikeDkimKey) ? [{ ...a, verdict: judgeSelector(a.name, a.answer) }] : [],
      );
      const note = { discovered: true, note: 'found by trying common selectors; declare dkim_selectors to check them strictly' };
      // A guessed selector that is revoked or malformed is usually a retired key: noted, not failed.
      const usable = found.filter((f) => f.verdict.ok || f.verdict.findings.every((x) => ['weakKey', 'shortKey', 'testing'].includes(x.messageId)));
      for (const f of usable) report(f.name, f.selector, f.verdict, note);
      if (usable.length > 0) continue;
      if (errors.length > 0) {
        const first = errors[0].answer as { kind: 'error'; error: ProbeError };
        ctx.error(domain.name, first.error, { failedLookups: errors.map((e) => e.name) });
        continue;
      }
      ctx.fail({
        target: domain.name,
        messageId: 'noSelectorFound',
        severity: 'low',
        evidence: {
          expected: 'a DKIM key at a declared selector (email.domains[].dkim_selectors)',
          actual: 'no key at any common selector',
          tried: COMMON_DKIM_SELECTORS.map((s) => selectorName(s, domain.name)),
          ...(found.length ? { unusable: found.map((f) => ({ selector: f.selector, findings: f.verdict.ok ? [] : f.verdict.findings.map((x) => x.messageId) })) } : {}),
        },
      });
    }
  },
});
