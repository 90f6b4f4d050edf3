/**
 * tls.protocols: a host offers TLS 1.2 or 1.3 and refuses TLS 1.0 and 1.1, which RFC 8996
 * deprecates (no modern browser offers them; PCI DSS forbids them since 2018).
 */
import type { TlsVersion } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { declaredHosts } from '../../probes/declared-hosts.js';
import { mapLimit } from '../../core/map-limit.js';

const ORDER: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const LEGACY: ReadonlySet<TlsVersion> = new Set(['TLSv1', 'TLSv1.1']);
const MODERN: ReadonlySet<TlsVersion> = new Set(['TLSv1.2', 'TLSv1.3']);
const EXPECTED = 'TLS 1.2+ only';

/** `TLSv1` → `TLS 1.0`: the names people read in server configs and scanners. */
export function versionName(v: TlsVersion): string {
  return v === 'TLSv1' ? 'TLS 1.0' : v.replace('TLSv', 'TLS ');
}

export interface ProtocolFinding {
  messageId: 'legacyAccepted' | 'noModern';
  severity: 'high' | 'blocker';
  evidence: Evidence;
}

export type ProtocolVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; findings: ProtocolFinding[] }
  /** Nothing answered with any version: not a TLS endpoint we can judge. */
  | { ok: 'unjudgeable'; reason: string };

/** Judges which versions a host accepted (a missing entry counts as refused). */
export function judgeProtocols(accepts: Partial<Record<TlsVersion, boolean>>): ProtocolVerdict {
  const accepted = ORDER.filter((v) => accepts[v] === true);
  const refused = ORDER.filter((v) => accepts[v] !== true);
  if (accepted.length === 0) return { ok: 'unjudgeable', reason: 'no handshake succeeded with any of TLS 1.0–1.3' };
  const evidence: Evidence = { accepted: accepted.map(versionName), refused: refused.map(versionName), expected: EXPECTED };
  const findings: ProtocolFinding[] = [];
  if (!accepted.some((v) => MODERN.has(v))) {
    findings.push({ messageId: 'noModern', severity: 'blocker', evidence: { ...evidence, actual: 'neither TLS 1.2 nor TLS 1.3 accepted' } });
  }
  const legacy = accepted.filter((v) => LEGACY.has(v));
  if (legacy.length > 0) {
    findings.push({ messageId: 'legacyAccepted', severity: 'high', evidence: { ...evidence, legacy: legacy.map(versionName), actual: `accepts ${accepted.map(versionName).join(', ')}` } });
  }
  return findings.length ? { ok: false, findings } : { ok: true, evidence };
}

export default createCheck({
  meta: {
    id: 'tls.protocols',
    stage: 1,
    title: 'Only TLS 1.2 and newer',
    defaultSeverity: 'high',
    targetKind: 'host',
    needs: ['environments'],
  },
  messages: {
    legacyAccepted: '{{target}} still accepts {{legacy}} (expected TLS 1.2+ only)',
    noModern: '{{target}} accepts neither TLS 1.2 nor TLS 1.3 (only {{accepted}})',
  },
  remediation: {
    legacyAccepted:
      'Turn off TLS 1.0 and 1.1: nginx `ssl_protocols TLSv1.2 TLSv1.3;`, Apache `SSLProtocol -all +TLSv1.2 +TLSv1.3`, Node `minVersion: \'TLSv1.2\'`, Cloudflare SSL/TLS → Edge Certificates → Minimum TLS Version 1.2, AWS ALB/CloudFront a security policy such as ELBSecurityPolicy-TLS13-1-2-2021-06 / TLSv1.2_2021.',
    noModern:
      'Enable TLS 1.2 and 1.3 (nginx `ssl_protocols TLSv1.2 TLSv1.3;`); a server without them needs an upgraded TLS library (OpenSSL ≥ 1.1.1) or a modern proxy/CDN in front.',
  },
  async run(ctx) {
    const hosts = declaredHosts(ctx);
    const gathered = await mapLimit(hosts, ctx.config.network.concurrency, (h) => ctx.probes.tlsVersions(h));
    hosts.forEach((host, i) => {
      const got = gathered[i];
      if (!got.ok) return ctx.error(host, got.error);
      const verdict = judgeProtocols(got.value);
      if (verdict.ok === 'unjudgeable') return ctx.error(host, { code: 'NO_TLS', message: `${host}: ${verdict.reason}` });
      if (verdict.ok) return ctx.pass(host, { evidence: verdict.evidence });
      for (const f of verdict.findings) ctx.fail({ target: host, messageId: f.messageId, severity: f.severity, evidence: f.evidence });
    });
  },
});
