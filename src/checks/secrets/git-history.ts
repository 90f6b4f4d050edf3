/**
 * secrets.git-history — no credential anywhere in the history reachable from any ref. Each
 * distinct secret is one `fail` at `path:line@<short commit>`: the commit that introduced it,
 * with its date and whether the value is still in the working tree. Rotating is the fix; a
 * removed secret stays readable in every clone.
 */
import { createGitRunner } from '../../context/git.js';
import { createCheck } from '../../core/create-check.js';
import type { Check } from '../../core/types.js';
import {
  BUILTIN_RULES, compileRules, markStillPresent, NotARepositoryError, scanHistory,
} from '../../engines/secrets/index.js';
import { acceptedSet, historyEvidence, resolveRoot, rootTarget, type SecretsCheckDeps } from '../../probes/secrets-check-support.js';

const REMEDIATION = [
  'Rotate the credential at its provider now: deleting it in a later commit does not help, every clone',
  'and fork keeps the old commits. If it is still in the working tree, remove it there too (see',
  'secrets.working-tree). Rewriting history (git filter-repo, BFG) is optional cleanup after rotation,',
  'not a substitute for it. A revoked or fake value: accept its fingerprint in `audit.ignore` or a baseline.',
].join(' ');

const PRESENCE = { true: 'still in the working tree', false: 'since removed from the working tree', unknown: 'presence in the working tree unknown' } as const;

/** The check with its dependencies injected (tests, the `secrets` command). */
export function createGitHistoryCheck(deps: SecretsCheckDeps = {}): Check {
  return createCheck({
    meta: {
      id: 'secrets.git-history',
      stage: 1,
      title: 'No credentials in the git history',
      defaultSeverity: 'high',
      targetKind: 'file',
      needs: ['repo'],
    },
    messages: {
      secretInHistory: '{{description}} added in commit {{commit}} ({{date}}), {{presence}} ({{redacted}})',
    },
    remediation: { secretInHistory: REMEDIATION },
    async run(ctx) {
      const root = await resolveRoot(ctx, deps);
      if (!root) return;
      const target = rootTarget(ctx.config, root);
      const git = deps.git ?? createGitRunner();
      let result;
      try {
        result = await scanHistory({
          root, git, compiled: compileRules(deps.rules ?? BUILTIN_RULES), allowPaths: ctx.config.audit.secrets.allow_paths,
          accepted: acceptedSet(ctx.config, deps), since: deps.since, signal: ctx.signal,
        });
        await markStillPresent(result.findings, git, root, ctx.signal);
      } catch (err) {
        if (err instanceof NotARepositoryError) ctx.skip(target, 'Not a git repository: there is no history to scan');
        else ctx.error(target, err);
        return;
      }
      const { findings, stats } = result;
      for (const f of findings) {
        const short = f.commit.slice(0, 7);
        ctx.fail({
          target: `${f.path}:${f.line}@${short}`,
          messageId: 'secretInHistory',
          evidence: historyEvidence(f),
          data: { commit: short, date: f.date.slice(0, 10), presence: PRESENCE[String(f.stillPresent ?? 'unknown') as keyof typeof PRESENCE] },
        });
      }
      if (findings.length === 0) {
        ctx.pass(target, {
          message: `No credential in ${stats.commits} commits on all refs${deps.since ? ` since ${deps.since}` : ''}`,
          evidence: { commits: stats.commits, patchBytes: stats.bytes, accepted: result.acceptedCount },
        });
      }
      deps.onStats?.({ history: stats, accepted: result.acceptedCount });
      deps.onFindings?.(findings);
    },
  });
}

export default createGitHistoryCheck();
