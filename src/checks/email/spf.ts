/**
 * email.spf: each mail domain publishes exactly one valid SPF record that receivers can
 * evaluate within RFC 7208's limits, and that does not let the whole internet send as it.
 * The policy is walked with the evaluator's own code (`walkSpfPolicy`), so the look-up count
 * is the one a receiver arrives at, per include, also past the limit.
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence, Severity } from '../../core/types.js';
import { type SpfPolicyWalk, type SpfProblem, type SpfTraceNode, walkSpfPolicy } from '../../engines/spf/index.js';

/** RFC 7208 §4.6.4. */
export const LOOKUP_LIMIT = 10;
export const VOID_LOOKUP_LIMIT = 2;

export interface SpfFinding {
  messageId: string;
  severity?: Severity;
  data?: Record<string, unknown>;
  evidence: Evidence;
}

/** One include/redirect branch with what it costs: its own term plus everything inside it. */
export interface IncludeCost {
  term: string;
  domain: string;
  via: 'include' | 'redirect';
  lookups: number;
  voidLookups: number;
  nested: IncludeCost[];
}

/** Look-ups per include (the include term itself counted), nested includes beneath. */
export function includeCosts(node: SpfTraceNode): IncludeCost[] {
  return node.children.map((c) => ({
    term: c.term ?? c.domain,
    domain: c.domain,
    via: c.via === 'redirect' ? 'redirect' : 'include',
    lookups: 1 + c.lookups,
    voidLookups: c.voidLookups,
    nested: includeCosts(c),
  }));
}

/** What every result shows: the record, its parsed terms, and the look-up bill. */
export function spfEvidence(walk: SpfPolicyWalk): Evidence {
  return {
    record: walk.records[0],
    terms: (walk.parsed?.terms ?? []).map((t) => ({ term: t.text, kind: t.kind, start: t.start, end: t.end })),
    lookups: walk.lookups,
    voidLookups: walk.voidLookups,
    perInclude: includeCosts(walk.trace),
  };
}

const at = (p: SpfProblem) =>
  p.term === undefined ? p.domain : `${p.domain} "${p.term}" (characters ${(p.start ?? 0) + 1}–${p.end})`;

/** Maps the walk's permanent problems to causes; each cause is reported once, with every instance. */
const PROBLEM_CAUSE: Record<SpfProblem['code'], string | undefined> = {
  syntax: 'syntax',
  'include-none': 'unresolvedInclude',
  'redirect-none': 'unresolvedInclude',
  'invalid-target': 'unresolvedInclude',
  'multiple-records': 'unresolvedInclude',
  loop: 'includeLoop',
  'mx-limit': 'tooManyMx',
  // Counted, not collected: judged from the totals below.
  'lookup-limit': undefined,
  'void-limit': undefined,
  dns: undefined,
  deadline: undefined,
};

/** Whether the policy's redirect chain stops at a target that was not evaluated. */
function redirectUnresolved(node: SpfTraceNode): boolean {
  const next = node.children.find((c) => c.via === 'redirect');
  if (!next) return false;
  return next.record === undefined || redirectUnresolved(next);
}

/** Judges a walked policy; an empty list means the policy is fine. Pure. */
export function judgeSpf(walk: SpfPolicyWalk): SpfFinding[] {
  if (walk.status === 'none') {
    return [{ messageId: 'missing', evidence: { expected: 'one TXT record starting "v=spf1"', actual: 'none' } }];
  }
  if (walk.status === 'multiple') {
    return [{
      messageId: 'multipleRecords',
      data: { count: walk.records.length },
      evidence: { expected: 'exactly one v=spf1 record (RFC 7208 §4.5)', actual: walk.records },
    }];
  }
  const base = spfEvidence(walk);
  const findings: SpfFinding[] = [];
  const byCause = new Map<string, SpfProblem[]>();
  for (const p of walk.problems) {
    const cause = PROBLEM_CAUSE[p.code];
    if (cause) byCause.set(cause, [...(byCause.get(cause) ?? []), p]);
  }
  for (const [cause, problems] of byCause) {
    findings.push({
      messageId: cause,
      data: { where: at(problems[0]), reason: problems[0].message },
      evidence: { ...base, problems: problems.map((p) => ({ ...p, where: at(p) })) },
    });
  }
  if (walk.lookups > LOOKUP_LIMIT) {
    findings.push({
      messageId: 'tooManyLookups',
      evidence: { ...base, expected: `≤ ${LOOKUP_LIMIT} DNS-querying terms`, actual: walk.capped ? `≥ ${walk.lookups}` : walk.lookups },
    });
  }
  if (walk.voidLookups > VOID_LOOKUP_LIMIT) {
    findings.push({
      messageId: 'tooManyVoidLookups',
      evidence: { ...base, expected: `≤ ${VOID_LOOKUP_LIMIT} look-ups that find nothing`, actual: walk.voidLookups },
    });
  }
  // §4.7: no `all` and no redirect leaves unlisted senders at the default, neutral — like ?all.
  // A redirect that could not be followed is reported above; its missing `all` is not news.
  const all = walk.all ?? (redirectUnresolved(walk.trace) ? undefined : '?');
  const allText = walk.all ? `${walk.all}all` : 'no "all" (default neutral)';
  if (all === '+') {
    findings.push({ messageId: 'passAll', severity: 'blocker', data: { all: allText }, evidence: { ...base, expected: '-all or ~all', actual: allText } });
  } else if (all === '?') {
    findings.push({ messageId: 'neutralAll', severity: 'high', data: { all: allText }, evidence: { ...base, expected: '-all or ~all', actual: allText } });
  }
  if (walk.ptrTerms.length) {
    findings.push({
      messageId: 'ptrUsed',
      severity: 'medium',
      data: { where: `${walk.ptrTerms[0].domain} "${walk.ptrTerms[0].term}"` },
      evidence: { ...base, expected: 'no ptr mechanism (RFC 7208 §5.5: "SHOULD NOT be used")', actual: walk.ptrTerms },
    });
  }
  return findings;
}

export default createCheck({
  meta: {
    id: 'email.spf',
    stage: 2,
    title: 'SPF record valid and within limits',
    defaultSeverity: 'high',
    targetKind: 'domain',
    needs: ['email'],
  },
  messages: {
    missing: 'No SPF record: receivers cannot tell which servers may send mail as {{target}}',
    multipleRecords: '{{target}} publishes {{count}} SPF records; receivers treat that as a permanent error',
    syntax: 'SPF syntax error at {{where}}: {{reason}}',
    tooManyLookups: 'SPF needs {{lookups}} DNS look-ups (limit 10): receivers return permerror and may reject mail',
    tooManyVoidLookups: '{{voidLookups}} SPF look-ups find nothing (limit 2): receivers return permerror',
    passAll: 'SPF ends in {{all}}: any server on the internet may send mail as {{target}}',
    neutralAll: 'SPF ends in {{all}}: unlisted senders are neither rejected nor marked',
    ptrUsed: 'SPF uses the ptr mechanism ({{where}}): slow, unreliable and deprecated',
    unresolvedInclude: 'SPF reference {{where}} is broken: {{reason}}',
    includeLoop: 'SPF includes loop back ({{where}}): {{reason}}',
    tooManyMx: 'An mx mechanism names more than 10 mail servers ({{where}}): receivers return permerror',
  },
  remediation: {
    missing: 'Publish one TXT record at the domain, e.g. `v=spf1 include:<your mail provider> -all` (or `v=spf1 -all` if it never sends mail).',
    multipleRecords: 'Merge the records into one `v=spf1 …` TXT record: RFC 7208 §4.5 makes two of them a permanent error.',
    syntax: 'Fix the term named in the evidence (positions count from the start of the record): mechanisms are all, include:, a, mx, ptr, ip4:, ip6:, exists:; modifiers are redirect= and exp=.',
    tooManyLookups: 'Bring DNS-querying terms (include, a, mx, ptr, exists, redirect) to 10 or fewer, counting nested includes (see perInclude): drop unused providers, replace a/mx with ip4:/ip6: ranges, or use a provider\'s flattened include.',
    tooManyVoidLookups: 'Remove include/a/mx/exists terms whose names no longer exist or have no records.',
    passAll: 'End the record with `-all` (reject unlisted senders) or `~all` (mark them) — never `+all`.',
    neutralAll: 'End the record with `~all` once every sender is listed, then `-all`; `?all` (or no `all`) protects nothing.',
    ptrUsed: 'Replace `ptr` with the senders\' ip4:/ip6: ranges or an include: from the provider (RFC 7208 §5.5).',
    unresolvedInclude: 'Point the include:/redirect= at a name that publishes exactly one SPF record, or remove it; check the provider\'s documented include name.',
    includeLoop: 'Remove the include or redirect that points back at a record already being evaluated.',
    tooManyMx: 'Replace `mx` with ip4:/ip6: ranges of the sending servers, or reduce the MX set to 10 names.',
  },
  async run(ctx) {
    for (const domain of ctx.config.email?.domains ?? []) {
      let walk: SpfPolicyWalk;
      try {
        walk = await walkSpfPolicy(domain.name, { dns: ctx.dns, signal: ctx.signal, now: () => ctx.clock.now() });
      } catch (err) {
        // DNS timeouts and SERVFAIL are infrastructure trouble, never a finding.
        ctx.error(domain.name, err);
        continue;
      }
      const findings = judgeSpf(walk);
      if (findings.length === 0) {
        ctx.pass(domain.name, { evidence: spfEvidence(walk) });
        continue;
      }
      for (const f of findings) ctx.fail({ target: domain.name, ...f });
    }
  },
});
