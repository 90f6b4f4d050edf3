/**
 * Judging the answers to `api.error-leak`'s invalid requests: what each answer leaks (through the
 * leak detector) and whether invalid input got the 4xx it deserves; then one finding per cause
 * and target, at the worst severity seen.
 */
import type { Severity } from '../../core/types.js';
import { detectLeaks, type LeakCategory } from '../../engines/leaks/index.js';
import { describeProbe, type LeakProbe } from './error-leak-probes.js';

export type LeakMessageId = 'stackTrace' | 'sqlText' | 'filePath' | 'debugPage' | 'secretInResponse' | 'notClientError';

export interface ProbeFinding {
  messageId: LeakMessageId;
  severity: Severity;
  request: string;
  status: number;
  pattern?: string;
  excerpt?: string;
}

const MESSAGE_OF: Record<LeakCategory, LeakMessageId> = {
  stackTrace: 'stackTrace',
  sqlText: 'sqlText',
  filePath: 'filePath',
  debugPage: 'debugPage',
  secret: 'secretInResponse',
};

/** Secrets that open production systems by themselves; a session-sized token (JWT) is high. */
const BLOCKER_SECRETS = new Set(['Stripe live key', 'AWS access key id', 'AWS secret access key', 'private key', 'credentials in URL', 'GitHub token', 'Slack token']);

const RANK: Record<Severity, number> = { blocker: 0, high: 1, medium: 2, low: 3, info: 4 };

/** Judges one answer. `knownSecrets` (the session token, configured credentials) never appear in excerpts. */
export function judgeLeakAnswer(probe: LeakProbe, status: number, body: string, knownSecrets: readonly string[] = []): ProbeFinding[] {
  const request = describeProbe(probe);
  const findings: ProbeFinding[] = [];
  // One finding per cause and answer: the first pattern's excerpt, every pattern's name.
  for (const leak of detectLeaks(body, { knownSecrets })) {
    const messageId = MESSAGE_OF[leak.category];
    const severity: Severity = leak.category === 'secret' && BLOCKER_SECRETS.has(leak.pattern) ? 'blocker' : 'high';
    const same = findings.find((f) => f.messageId === messageId);
    if (same) {
      same.pattern = `${same.pattern}, ${leak.pattern}`;
      if (RANK[severity] < RANK[same.severity]) same.severity = severity;
    } else findings.push({ messageId, severity, request, status, pattern: leak.pattern, excerpt: leak.excerpt });
  }
  const serverError = status >= 500;
  const accepted = status >= 200 && status < 300;
  if (serverError || (probe.expect === 'strict' && accepted)) {
    findings.push({ messageId: 'notClientError', severity: 'medium', request, status });
  }
  return findings;
}

export interface AggregatedFinding {
  messageId: LeakMessageId;
  severity: Severity;
  evidence: Record<string, unknown>;
}

const ORDER: LeakMessageId[] = ['secretInResponse', 'debugPage', 'stackTrace', 'sqlText', 'filePath', 'notClientError'];

/** One finding per cause: the first occurrence in full, the others by request and pattern name. */
export function aggregateFindings(findings: readonly ProbeFinding[]): AggregatedFinding[] {
  const out: AggregatedFinding[] = [];
  for (const messageId of ORDER) {
    const mine = findings.filter((f) => f.messageId === messageId);
    if (mine.length === 0) continue;
    const worst = mine.reduce((a, b) => (RANK[b.severity] < RANK[a.severity] ? b : a));
    const first = mine[0];
    const evidence: Record<string, unknown> = {
      request: first.request,
      status: first.status,
      ...(first.pattern ? { pattern: first.pattern, excerpt: first.excerpt } : {}),
      expected: messageId === 'notClientError' ? 'a 4xx for invalid input' : 'a short error message without internals',
      actual: messageId === 'notClientError' ? `${first.status}` : `${first.pattern} in a ${first.status} answer`,
    };
    const others = mine.slice(1).map((f) => `${f.request} → ${f.status}${f.pattern ? ` (${f.pattern})` : ''}`);
    if (others.length) evidence.also = others;
    out.push({ messageId, severity: worst.severity, evidence });
  }
  return out;
}
