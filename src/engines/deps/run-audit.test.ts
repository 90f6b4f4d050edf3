import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProcessRunner } from '../../context/proc.js';
import { replayRunner, type RecordingName } from './__fixtures__/recordings.js';
import { findLockfiles } from './lockfile.js';
import { explain, runDependencyAudit } from './run-audit.js';
import type { Lockfile } from './types.js';

const NPM: Lockfile = { manager: 'npm', file: 'package-lock.json' };
const PNPM: Lockfile = { manager: 'pnpm', file: 'pnpm-lock.yaml' };
const opts = { dir: '/project', timeoutMs: 20_000 };

describe('runDependencyAudit (recorded outputs)', () => {
  it.each<[Lockfile, RecordingName, string]>([
    [NPM, 'npm-vulnerable', 'report'],
    [NPM, 'npm-clean', 'report'],
    [PNPM, 'pnpm-vulnerable', 'report'],
    [NPM, 'npm-offline-405', 'skip'],
    [NPM, 'npm-offline-refused', 'skip'],
    [PNPM, 'pnpm-offline-405', 'skip'],
    [PNPM, 'pnpm-offline-refused', 'skip'],
    [{ manager: 'yarn-classic', file: 'yarn.lock' }, 'yarn-classic-offline', 'skip'],
    [{ manager: 'yarn', file: 'yarn.lock' }, 'yarn-berry-vulnerable', 'report'],
  ])('%j + %s → %s', async (lockfile, name, kind) => {
    const { runner, calls } = replayRunner(name);
    const out = await runDependencyAudit(runner, lockfile, opts);
    expect(out.kind).toBe(kind);
    expect(calls[0].cwd).toBe('/project');
    if (out.kind === 'skip') expect(out.reason).toMatch(/cannot reach its advisory database: .*(405|ECONNREFUSED|Connection refused|ENOTFOUND|responded)/);
  });

  it('runs the manager\'s own auditor', async () => {
    for (const [lockfile, command] of [
      [NPM, 'npm audit --json'], [PNPM, 'pnpm audit --json'],
      [{ manager: 'yarn', file: 'yarn.lock' }, 'yarn npm audit --all --recursive --json'],
      [{ manager: 'yarn-classic', file: 'yarn.lock' }, 'yarn audit --json'],
    ] as [Lockfile, string][]) {
      const { runner, calls } = replayRunner('npm-clean');
      await runDependencyAudit(runner, lockfile, opts);
      expect(`${calls[0].cmd} ${calls[0].args.join(' ')}`).toBe(command);
    }
  });

  it.each([
    [{ code: null, stdout: '', stderr: '', timedOut: false, spawnError: { code: 'ENOENT', message: 'spawn pnpm ENOENT' } }, 'skip', /pnpm is not installed/],
    [{ code: null, stdout: '', stderr: '', timedOut: true }, 'error', /did not finish within 20 s/],
    [{ code: 1, stdout: '', stderr: 'npm error code EJSONPARSE\nnpm error JSON.parse Invalid package.json', timedOut: false }, 'error', /exited with 1 without a report: code EJSONPARSE/],
  ])('%j → %s', async (result, kind, message) => {
    const out = await runDependencyAudit(replayRunner(result).runner, PNPM, opts);
    expect(out.kind).toBe(kind);
    expect(out.kind === 'skip' ? out.reason : out.kind === 'error' ? out.message : '').toMatch(message);
  });

  it('explain keeps one line and drops credentials from URLs', () => {
    expect(explain('npm warn audit request to https://bob:hunter2@registry.corp/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.corp'))
      .toBe('audit request to https://registry.corp/-/npm/v1/security/advisories/bulk failed, reason: getaddrinfo ENOTFOUND registry.corp');
  });
});

describe('findLockfiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-lockfiles-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('names the manager from the lockfile, telling Yarn 1 from Yarn 2+', async () => {
    expect(await findLockfiles(dir)).toEqual([]);
    await writeFile(join(dir, 'yarn.lock'), '# yarn lockfile v1\n\nleft-pad@1.3.0:\n  version "1.3.0"\n');
    expect(await findLockfiles(dir)).toEqual([{ manager: 'yarn-classic', file: 'yarn.lock' }]);
    await writeFile(join(dir, 'yarn.lock'), '# generated\n\n__metadata:\n  version: 8\n');
    await writeFile(join(dir, 'package-lock.json'), '{}');
    expect(await findLockfiles(dir)).toEqual([{ manager: 'npm', file: 'package-lock.json' }, { manager: 'yarn', file: 'yarn.lock' }]);
  });
});

// One real run of the real npm against a tiny project. The registry is a loopback stand-in that
// refuses the advisory endpoint the way this machine's registry proxy does (405), so the run is
// offline by construction and must come out as a clean skip with the reason.
describe('runDependencyAudit (real npm, no advisory database)', () => {
  let dir: string;
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      res.writeHead(req.method === 'POST' ? 405 : 404, { allow: 'GET, HEAD', 'content-length': '0' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    dir = await mkdtemp(join(tmpdir(), 'lr-npm-audit-'));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'tiny', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } }));
    await writeFile(join(dir, 'package-lock.json'), JSON.stringify({
      name: 'tiny', version: '1.0.0', lockfileVersion: 3, requires: true,
      packages: { '': { name: 'tiny', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } }, 'node_modules/left-pad': { version: '1.3.0' } },
    }));
    await writeFile(join(dir, '.npmrc'), `registry=http://127.0.0.1:${port}/\nupdate-notifier=false\nfund=false\naudit=true\n`);
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('is a skip that says why', async () => {
    const [lockfile] = await findLockfiles(dir);
    const out = await runDependencyAudit(createProcessRunner(), lockfile, { dir, timeoutMs: 12_000 });
    expect(out).toMatchObject({ kind: 'skip', lockfile: { manager: 'npm' } });
    expect(out.kind === 'skip' && out.reason).toMatch(/^`npm audit --json` cannot reach its advisory database: 405 Method Not Allowed/);
  }, 15_000);
});
