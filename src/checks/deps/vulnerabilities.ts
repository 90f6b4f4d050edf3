/**
 * deps.vulnerabilities: the project's own package-manager auditor (`npm audit`, `pnpm audit`,
 * `yarn npm audit` / `yarn audit`) finds no known vulnerability in the locked dependencies.
 * Severities map critical/high → high, moderate → medium, low → low. An auditor that cannot
 * reach its advisory database, or is not installed, makes the result a skip with the reason.
 */
import { relative } from 'node:path';
import { createCheck } from '../../core/create-check.js';
import type { Severity } from '../../core/types.js';
import { type AdvisorySeverity, findLockfiles, runDependencyAudit, type VulnerablePackage } from '../../engines/deps/index.js';

/** Advisory severity → finding severity; `info` advisories are no finding. */
export const SEVERITY_OF: Readonly<Record<AdvisorySeverity, Severity | undefined>> = Object.freeze({
  critical: 'high',
  high: 'high',
  moderate: 'medium',
  low: 'low',
  info: undefined,
});

/** The runner's deadline for one check is ≥ 30 s: the auditors together stay under it. */
const AUDIT_BUDGET_MS = 25_000;
const LISTED = 10;

/** Evidence of one vulnerable package: advisories with ids and links, never more than a page. */
export function packageEvidence(p: VulnerablePackage, lockfile: string, manager: string): Record<string, unknown> {
  return {
    package: p.name,
    lockfile,
    manager,
    advisorySeverity: p.severity,
    advisories: p.advisories.slice(0, LISTED).map((a) => ({ id: a.id, title: a.title, severity: a.severity, ...(a.range ? { range: a.range } : {}), ...(a.url ? { url: a.url } : {}) })),
    ...(p.versions ? { versions: p.versions } : {}),
    ...(p.direct !== undefined ? { direct: p.direct } : {}),
    ...(p.dependents?.length ? { pulledInBy: p.dependents.slice(0, LISTED) } : {}),
    expected: 'no known advisory',
    actual: `${p.advisories.length} advisor${p.advisories.length === 1 ? 'y' : 'ies'}, worst ${p.severity}`,
  };
}

export default createCheck({
  meta: {
    id: 'deps.vulnerabilities',
    stage: 2,
    title: 'No known vulnerabilities in dependencies',
    defaultSeverity: 'high',
    targetKind: 'repo',
    needs: ['repo'],
  },
  messages: {
    vulnerable: '{{package}} ({{lockfile}}) has {{actual}}: {{titles}}',
  },
  remediation: {
    vulnerable: 'Upgrade to a fixed version: `npm audit fix` / `pnpm update <pkg>` / `yarn up <pkg>`, or bump the direct dependency that pulls it in (an `overrides` / `resolutions` entry when none exists yet). If no fix exists, judge whether the vulnerable code is reachable and accept the risk explicitly (`audit.ignore` with this result\'s fingerprint).',
  },
  async run(ctx) {
    const repo = ctx.config.repo;
    const repoTarget = relative(ctx.config.dir, repo) || '.';
    if (!ctx.proc) {
      ctx.skip(repoTarget, 'this run cannot start other programs, so the package manager\'s auditor cannot run');
      return;
    }
    let lockfiles;
    try {
      lockfiles = await findLockfiles(repo);
    } catch (err) {
      ctx.error(repoTarget, err);
      return;
    }
    if (!lockfiles.length) {
      ctx.skip(repoTarget, 'no lockfile (package-lock.json, pnpm-lock.yaml, yarn.lock): nothing the auditors can check');
      return;
    }
    const timeoutMs = Math.floor(AUDIT_BUDGET_MS / lockfiles.length);
    for (const lockfile of lockfiles) {
      const outcome = await runDependencyAudit(ctx.proc, lockfile, { dir: repo, timeoutMs, signal: ctx.signal });
      if (outcome.kind === 'skip') {
        ctx.skip(lockfile.file, outcome.reason);
        continue;
      }
      if (outcome.kind === 'error') {
        ctx.error(lockfile.file, { code: outcome.code, message: outcome.message });
        continue;
      }
      const findings = outcome.packages.filter((p) => SEVERITY_OF[p.severity]);
      if (!findings.length) {
        ctx.pass(lockfile.file, { evidence: { manager: lockfile.manager, advisories: outcome.counts } });
        continue;
      }
      for (const p of findings) {
        ctx.fail({
          target: `${p.name} (${lockfile.file})`,
          messageId: 'vulnerable',
          severity: SEVERITY_OF[p.severity],
          data: { titles: p.advisories.slice(0, 3).map((a) => a.title).join('; ') },
          evidence: packageEvidence(p, lockfile.file, lockfile.manager),
        });
      }
    }
  },
});
