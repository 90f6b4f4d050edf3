/** The one-line account of a secret scan on stderr: what was read, skipped and found. */
import type { SecretsScanOutcome } from '../services/secrets.js';

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const n = (x: number) => x.toLocaleString('en-US');

/** `secrets: 812 files (14.2 MB; 31 binary, 1 over the size cap skipped) · 5,000 commits … · 3 findings`. */
export function secretsSummaryLine(o: SecretsScanOutcome): string {
  const parts: string[] = [];
  if (o.tree) {
    const skipped = [
      o.tree.binary.length ? `${n(o.tree.binary.length)} binary` : '',
      o.tree.large.length ? `${n(o.tree.large.length)} over the size cap` : '',
      o.tree.allowed ? `${n(o.tree.allowed)} in allowed paths` : '',
    ].filter(Boolean);
    parts.push(`${n(o.tree.files)} files (${mb(o.tree.bytes)}${skipped.length ? `; ${skipped.join(', ')} skipped` : ''})`);
  }
  if (o.history) parts.push(`${n(o.history.commits)} commits (${mb(o.history.bytes)} of patches)`);
  const findings = o.run.results.filter((r) => r.status === 'fail').length;
  const errors = o.run.results.filter((r) => r.status === 'error').length;
  parts.push(`${n(findings)} finding${findings === 1 ? '' : 's'}${o.accepted ? `, ${n(o.accepted)} accepted by baseline` : ''}`);
  if (errors) parts.push(`${n(errors)} could not be scanned`);
  return `secrets: ${parts.join(' · ')} in ${(o.run.durationMs / 1000).toFixed(1)} s\n`;
}
