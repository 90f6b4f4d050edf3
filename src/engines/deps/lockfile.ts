/**
 * Which package manager a project uses, from its lockfile. npm's shrinkwrap counts as a
 * package-lock; a `yarn.lock` with a `__metadata:` block is Yarn 2+ ("berry"), else Yarn 1.
 */
import { open, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Lockfile } from './types.js';

const CANDIDATES: readonly { file: string; manager: Lockfile['manager'] }[] = [
  { file: 'package-lock.json', manager: 'npm' },
  { file: 'npm-shrinkwrap.json', manager: 'npm' },
  { file: 'pnpm-lock.yaml', manager: 'pnpm' },
  { file: 'yarn.lock', manager: 'yarn' },
];

/** Every lockfile in `dir` (usually one); an empty list when there is none. */
export async function findLockfiles(dir: string): Promise<Lockfile[]> {
  const out: Lockfile[] = [];
  for (const c of CANDIDATES) {
    const path = join(dir, c.file);
    if (!(await isFile(path))) continue;
    if (c.file === 'npm-shrinkwrap.json' && out.some((l) => l.manager === 'npm')) continue;
    out.push({ file: c.file, manager: c.manager === 'yarn' && !(await isBerry(path)) ? 'yarn-classic' : c.manager });
  }
  return out;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Reads only the head of the lockfile: berry writes `__metadata:` near the top. */
async function isBerry(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return /^__metadata:/m.test(buf.subarray(0, bytesRead).toString('utf8'));
  } finally {
    await handle.close();
  }
}

/** The auditor command of each package manager, JSON output, whole tree. */
export function auditCommand(manager: Lockfile['manager']): { cmd: string; args: string[] } {
  switch (manager) {
    case 'npm':
      return { cmd: 'npm', args: ['audit', '--json'] };
    case 'pnpm':
      return { cmd: 'pnpm', args: ['audit', '--json'] };
    case 'yarn':
      return { cmd: 'yarn', args: ['npm', 'audit', '--all', '--recursive', '--json'] };
    case 'yarn-classic':
      return { cmd: 'yarn', args: ['audit', '--json'] };
  }
}
