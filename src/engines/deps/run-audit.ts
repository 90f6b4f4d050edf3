/**
 * Runs a project's own auditor and turns whatever happened into one outcome: a report, a skip
 * (tool not installed, advisory database unreachable — says nothing about the dependencies) or
 * an error (the tool failed for another reason, or did not finish in time).
 */
import type { ProcessRunner } from '../../context/proc-types.js';
import { auditCommand } from './lockfile.js';
import { parseAuditOutput } from './parse-reports.js';
import type { AuditOutcome, Lockfile } from './types.js';

export interface AuditOptions {
  /** Folder holding the lockfile (the auditor's working directory). */
  dir: string;
  timeoutMs: number;
  /** Cap of the auditor's stdout and stderr each. */
  maxOutputBytes?: number;
  signal?: AbortSignal;
}

/** Outputs of an auditor that could not reach the advisory database (offline, proxy, outage). */
const UNREACHABLE = [
  /\bE(?:NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT|NETUNREACH|HOSTUNREACH|NETDOWN|PROTO)\b/,
  /getaddrinfo|socket hang up|network (?:request|error|is unreachable)|tcp connect error|client error \(Connect\)|Connection refused|os error 1(?:01|11|13)/i,
  /audit endpoint returned an error|ERR_PNPM_AUDIT_BAD_RESPONSE|ERR_PNPM_AUDIT_ENDPOINT_NOT_EXISTS|Failed to request the audit endpoint/i,
  /request to \S+ failed|responded with [45]\d\d|\b(?:405|429|50[0234])\b[^\n]*(?:audit|advisor)/i,
  /(?:UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED_CERT|CERT_HAS_EXPIRED|ERR_TLS)/,
];

const ONE_LINE_MAX = 320;

/** Runs the auditor for `lockfile` in `opts.dir` through `proc`. Never throws. */
export async function runDependencyAudit(proc: ProcessRunner, lockfile: Lockfile, opts: AuditOptions): Promise<AuditOutcome> {
  const { cmd, args } = auditCommand(lockfile.manager);
  const shown = `${cmd} ${args.join(' ')}`;
  const res = await proc.run(cmd, args, {
    cwd: opts.dir, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes ?? 16 * 1024 * 1024, signal: opts.signal,
  });
  if (res.spawnError) {
    return res.spawnError.code === 'ENOENT'
      ? { kind: 'skip', lockfile, reason: `${cmd} is not installed here, so \`${shown}\` cannot run (${lockfile.file} needs it)` }
      : { kind: 'error', lockfile, code: res.spawnError.code, message: `cannot start ${cmd}: ${res.spawnError.message}` };
  }
  if (res.timedOut) {
    return { kind: 'error', lockfile, code: 'TIMEOUT', message: `\`${shown}\` did not finish within ${Math.round(opts.timeoutMs / 1000)} s (a slow or unreachable advisory database)` };
  }
  // Auditors exit non-zero when they find something: the output decides, not the exit code.
  const parsed = res.truncated ? undefined : parseAuditOutput(res.stdout);
  if (parsed) return { kind: 'report', lockfile, ...parsed };
  const output = `${res.stdout}\n${res.stderr}`;
  if (UNREACHABLE.some((re) => re.test(output))) {
    return { kind: 'skip', lockfile, reason: `\`${shown}\` cannot reach its advisory database: ${explain(output)}` };
  }
  if (res.truncated) return { kind: 'error', lockfile, code: 'TOO_LARGE', message: `\`${shown}\` printed more than the output cap` };
  return { kind: 'error', lockfile, code: 'AUDITOR_FAILED', message: `\`${shown}\` exited with ${res.code} without a report: ${explain(output)}` };
}

/** Lines that say what went wrong, rather than only an error code. */
const TELLING = /responded with|refused|ENOTFOUND|ECONN|EAI_AGAIN|ETIMEDOUT|failed|error sending|\b[45]\d\d\b/i;

/** The most telling sentence of an auditor's failure, credentials stripped, bounded. */
export function explain(output: string): string {
  const fromJson = /"message":\s*"([^"]+)"/.exec(output)?.[1] ?? /"data":\s*"([^"]+)"/.exec(output)?.[1];
  // pnpm draws its errors in a box and wraps them: unbox, then rejoin each paragraph.
  const blocks = output
    .split(/\n\s*\n/)
    .map((b) => b.split('\n').map((l) => l.replace(/^\s*(?:npm (?:warn|error|ERR!)|[×│├╰─▶\s]+|Error:)\s*/i, '').trim()).filter(Boolean).join(' '))
    .map((b) => b.replace(/\/ (?=\S)/g, '/'))
    .filter(Boolean);
  const best = fromJson ?? blocks.find((b) => TELLING.test(b)) ?? blocks[0] ?? 'no output';
  // `scheme://user:password@host` in a registry URL: keep the host, drop the credentials.
  const clean = best.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1');
  return clean.length > ONE_LINE_MAX ? `${clean.slice(0, ONE_LINE_MAX - 1)}…` : clean;
}
