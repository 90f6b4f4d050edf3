/**
 * secrets.working-tree — no credential in the files git would commit: tracked files and untracked
 * files `.gitignore` does not exclude (a plain folder is walked). One `fail` per finding, at
 * `path:line`; binary and oversized files are `skip`ped by name. With `logs` (the `secrets`
 * command's `--log`), CI logs are scanned too and their findings reported at `log:line`.
 */
import { createGitRunner } from '../../context/git.js';
import { createCheck } from '../../core/create-check.js';
import type { Check } from '../../core/types.js';
import {
  BUILTIN_RULES, compileRules, DEFAULT_MAX_FILE_BYTES, scanLogStream, scanWorkingTree, type SecretFinding,
} from '../../engines/secrets/index.js';
import {
  acceptedSet, findingEvidence, reportSkippedFiles, resolveRoot, rootTarget, type SecretsCheckDeps, treeSummary,
} from '../../probes/secrets-check-support.js';

const REMEDIATION_FILE = [
  'Treat the credential as leaked: revoke or rotate it at its provider first (anyone with read access',
  'to the repository or a clone has it). Then move it out of the file: read it from the environment',
  '(an environment variable, or a `.env` file listed in .gitignore) or a secret manager, and commit only a',
  'placeholder. A documented example or a test fixture: add `launchready:allow` on its line, list the',
  'folder in `audit.secrets.allow_paths`, or accept its fingerprint in `audit.ignore` / a baseline.',
].join(' ');

const REMEDIATION_LOG = [
  'The CI job printed a credential. Rotate it, then stop the output: mask it (GitHub Actions',
  '`::add-mask::`, GitLab masked variables), never `echo`/`set -x` a secret, and delete the affected',
  'job logs.',
].join(' ');

/** The check with its dependencies injected (tests, the `secrets` command). */
export function createWorkingTreeCheck(deps: SecretsCheckDeps = {}): Check {
  return createCheck({
    meta: {
      id: 'secrets.working-tree',
      stage: 1,
      title: 'No credentials in the working tree',
      defaultSeverity: 'blocker',
      targetKind: 'file',
      needs: ['repo'],
    },
    messages: {
      secretInFile: '{{description}} in {{target}} ({{redacted}})',
      secretInLog: '{{description}} printed in {{target}} ({{redacted}})',
    },
    remediation: { secretInFile: REMEDIATION_FILE, secretInLog: REMEDIATION_LOG },
    async run(ctx) {
      const compiled = compileRules(deps.rules ?? BUILTIN_RULES);
      const accepted = acceptedSet(ctx.config, deps);
      const all: SecretFinding[] = [];
      let acceptedCount = 0;

      for (const log of deps.logs ?? []) {
        try {
          const res = await scanLogStream(log.name, log.open(), compiled, accepted);
          all.push(...res.findings);
          for (const f of res.findings) ctx.fail({ target: `${f.path}:${f.line}`, messageId: 'secretInLog', evidence: findingEvidence(f) });
          if (res.findings.length === 0) ctx.pass(log.name, { message: `No credential in ${res.lines} log lines` });
        } catch (err) {
          ctx.error(log.name, err);
        }
      }

      if (!deps.skipTree) {
        const root = await resolveRoot(ctx, deps);
        if (root) {
          const target = rootTarget(ctx.config, root);
          const cap = deps.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
          try {
            const { findings, stats, acceptedCount: n, mode } = await scanWorkingTree({
              root, compiled, git: deps.git ?? createGitRunner(), allowPaths: ctx.config.audit.secrets.allow_paths,
              maxFileBytes: cap, accepted, signal: ctx.signal,
            });
            acceptedCount += n;
            all.push(...findings);
            for (const f of findings) {
              ctx.fail({ target: `${f.path}:${f.line}`, messageId: 'secretInFile', evidence: findingEvidence(f) });
            }
            reportSkippedFiles(ctx, stats, cap, target);
            if (findings.length === 0) {
              ctx.pass(target, {
                message: `No credential found: ${treeSummary(stats)}`,
                evidence: {
                  files: stats.files, bytes: stats.bytes, binary: stats.binary.length, overSizeCap: stats.large.length,
                  allowed: stats.allowed, accepted: n, listedBy: mode === 'git' ? 'git ls-files' : 'folder walk',
                },
              });
            }
            deps.onStats?.({ tree: stats, accepted: acceptedCount });
          } catch (err) {
            ctx.error(target, err);
          }
        }
      }
      deps.onFindings?.(all);
    },
  });
}

export default createWorkingTreeCheck();
