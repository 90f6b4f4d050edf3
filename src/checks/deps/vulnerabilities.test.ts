import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/load.js';
import { createEffects } from '../../context/create-effects.js';
import type { ProcessRunner } from '../../context/proc-types.js';
import { runOne } from '../../core/runner.js';
import { createTargets } from '../../core/targets.js';
import { replayRunner } from '../../engines/deps/__fixtures__/recordings.js';
import type { Lab } from '../../lab/index.js';
import { createProbes } from '../../probes/create-probes.js';
import { registrableDomain } from '../../services/audit.js';
import { checkTester, labPool } from '../../test-support/check-tester.js';
import vulnerabilities, { SEVERITY_OF } from './vulnerabilities.js';

// The lab repository's .npmrc points the real npm at the lab's advisory database (loopback).
checkTester(vulnerabilities, {
  pass: [{ name: 'patched versions locked', lab: 'fixed' }],
  fail: [
    {
      name: 'npm audit finds the locked left-pad and ms vulnerable',
      lab: 'default',
      expect: [
        { target: 'left-pad (package-lock.json)', messageId: 'vulnerable', severity: 'high' },
        { target: 'ms (package-lock.json)', messageId: 'vulnerable', severity: 'low' },
      ],
    },
  ],
  skip: [{ name: 'no lockfile in the repository', lab: 'fixed', config: (raw) => { raw.repo = './repo/db'; }, expect: [{ target: 'repo/db' }] }],
});

/** Runs the check against a lab config with an injected process runner (recorded outputs). */
async function runWith(lab: Lab, proc: ProcessRunner, edit?: (raw: Record<string, any>) => void) {
  const path = edit ? await lab.writeConfig(edit) : lab.configPath;
  const { config } = await loadConfig(path, { env: lab.env });
  const effects = await createEffects(config.network, { clock: { now: () => lab.now }, proc });
  try {
    const probes = createProbes(effects, { timeoutMs: config.network.timeoutMs, api: config.api });
    return await runOne(vulnerabilities, { checks: [vulnerabilities], config, effects, probes, targets: createTargets(config, registrableDomain) });
  } finally {
    await effects.close();
  }
}

describe('deps.vulnerabilities with recorded auditor output', () => {
  const lab = labPool();

  it('maps critical/high → high, moderate → medium, low → low, with advisories as evidence', async () => {
    const results = await runWith(await lab('default'), replayRunner('npm-vulnerable').runner);
    expect(results.map((r) => [r.target, r.status, r.severity])).toEqual([
      ['qs (package-lock.json)', 'fail', 'high'],
      ['left-pad (package-lock.json)', 'fail', 'high'],
      ['is-number (package-lock.json)', 'fail', 'medium'],
      ['ms (package-lock.json)', 'fail', 'low'],
    ]);
    expect(results[0].evidence).toMatchObject({
      package: 'qs', manager: 'npm', advisorySeverity: 'critical', direct: false, pulledInBy: ['body-parser'],
      advisories: [{ id: 1101004, title: 'Prototype poisoning in qs', url: 'https://github.com/advisories/GHSA-wwww-qs' }],
    });
    expect(results[0].message).toBe('qs (package-lock.json) has 1 advisory, worst critical: Prototype poisoning in qs');
  });

  it('is a skip with the reason when the auditor cannot reach its database', async () => {
    const results = await runWith(await lab('default'), replayRunner('npm-offline-405').runner);
    expect(results).toMatchObject([{ target: 'package-lock.json', status: 'skip' }]);
    expect(results[0].message).toMatch(/cannot reach its advisory database: 405 Method Not Allowed/);
  });

  it('is a skip when the tool is not installed', async () => {
    const missing = replayRunner({ code: null, stdout: '', stderr: '', timedOut: false, spawnError: { code: 'ENOENT', message: 'spawn npm ENOENT' } });
    expect(await runWith(await lab('default'), missing.runner)).toMatchObject([{ status: 'skip', message: expect.stringMatching(/npm is not installed/) }]);
  });

  it('is an error when the auditor times out or fails without a report', async () => {
    const slow = replayRunner({ code: null, stdout: '', stderr: '', timedOut: true });
    expect(await runWith(await lab('default'), slow.runner)).toMatchObject([{ target: 'package-lock.json', status: 'error', evidence: { code: 'TIMEOUT' } }]);
  });

  it('audits with pnpm when the lockfile says so', async () => {
    const l = await lab('default');
    await mkdir(join(l.dir, 'pnpm-project'), { recursive: true });
    await writeFile(join(l.dir, 'pnpm-project', 'pnpm-lock.yaml'), "lockfileVersion: '9.0'\n");
    const replay = replayRunner('pnpm-vulnerable');
    const results = await runWith(l, replay.runner, (raw) => { raw.repo = './pnpm-project'; });
    expect(replay.calls).toEqual([{ cmd: 'pnpm', args: ['audit', '--json'], cwd: join(l.dir, 'pnpm-project') }]);
    expect(results.map((r) => r.target)).toEqual(['qs (pnpm-lock.yaml)', 'left-pad (pnpm-lock.yaml)', 'is-number (pnpm-lock.yaml)', 'ms (pnpm-lock.yaml)']);
  });

  it('a real npm against a broken lockfile is an error, not a finding', async () => {
    const l = await lab('default');
    await mkdir(join(l.dir, 'broken-lock'), { recursive: true });
    await writeFile(join(l.dir, 'broken-lock', 'package.json'), '{"name":"x","version":"1.0.0"}');
    await writeFile(join(l.dir, 'broken-lock', 'package-lock.json'), '{ not json');
    // The lab repository's .npmrc: should npm ever get as far as the network, it stays on loopback.
    await writeFile(join(l.dir, 'broken-lock', '.npmrc'), await readFile(join(l.dir, 'repo', '.npmrc'), 'utf8'));
    const results = await runWith(l, (await import('../../context/proc.js')).createProcessRunner(), (raw) => { raw.repo = './broken-lock'; });
    expect(results).toMatchObject([{ target: 'package-lock.json', status: 'error', evidence: { code: 'AUDITOR_FAILED' } }]);
    expect(results[0].message).toMatch(/npm audit --json` exited with 1 without a report/);
  }, 15_000);
});

describe('SEVERITY_OF', () => {
  it.each([['critical', 'high'], ['high', 'high'], ['moderate', 'medium'], ['low', 'low'], ['info', undefined]] as const)('%s → %s', (a, s) => {
    expect(SEVERITY_OF[a]).toBe(s);
  });
});
