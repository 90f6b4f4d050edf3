// The git runner with real processes: git itself, and small stand-in scripts for the failure
// modes git rarely shows on demand (a hang, endless output).
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitRunner, GitError, gitTopLevel } from './git.js';

let dir: string;
const script = async (name: string, body: string) => {
  const p = join(dir, name);
  await writeFile(p, `#!/bin/sh\n${body}\n`);
  await chmod(p, 0o755);
  return p;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lr-git-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('createGitRunner', () => {
  const git = createGitRunner();

  it('runs git and returns its output', async () => {
    const { stdout, status } = await git.run(['--version'], { cwd: dir });
    expect(status).toBe(0);
    expect(stdout.toString()).toMatch(/^git version/);
  });

  it('turns a failing command into FAILED with the exit status and git’s first stderr line', async () => {
    const err = await git.run(['rev-parse', '--show-toplevel'], { cwd: dir }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect(err).toMatchObject({ code: 'FAILED', status: 128 });
    expect((err as Error).message).toMatch(/not a git repository/i);
  });

  it('accepts declared statuses (git grep exits 1 when nothing matches)', async () => {
    const fake = createGitRunner({ binary: await script('exit1', 'exit 1') });
    await expect(fake.run(['grep'], { cwd: dir, okStatuses: [1] })).resolves.toMatchObject({ status: 1 });
  });

  it('caps collected output', async () => {
    await expect(git.run(['--version'], { cwd: dir, maxBytes: 4 })).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('kills a hung process at the deadline', async () => {
    const fake = createGitRunner({ binary: await script('hang', 'sleep 30') });
    const started = Date.now();
    await expect(fake.run(['log'], { cwd: dir, timeoutMs: 200 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('says when git is not installed', async () => {
    const missing = createGitRunner({ binary: join(dir, 'no-such-git') });
    await expect(missing.run(['--version'], { cwd: dir })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('streams, and stops the process when the consumer leaves early', async () => {
    const fake = createGitRunner({ binary: await script('endless', 'exec yes lorem-ipsum') });
    let seen = 0;
    for await (const chunk of fake.stream(['log'], { cwd: dir })) {
      seen += chunk.length;
      if (seen > 100_000) break;
    }
    expect(seen).toBeGreaterThan(100_000);
  });

  it('reports a failed stream after its output', async () => {
    const fake = createGitRunner({ binary: await script('half', 'echo partial; echo "fatal: bad revision" >&2; exit 128') });
    const read = async () => {
      let out = '';
      for await (const c of fake.stream(['log'], { cwd: dir })) out += c.toString();
      return out;
    };
    await expect(read()).rejects.toMatchObject({ code: 'FAILED', status: 128, message: expect.stringContaining('bad revision') });
  });

  it('finds no top level outside a repository', async () => {
    expect(await gitTopLevel(git, dir)).toBeUndefined();
  });
});
