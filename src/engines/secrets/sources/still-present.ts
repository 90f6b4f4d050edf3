/**
 * Whether secrets found in the history are still in the working tree (tracked or
 * untracked-not-ignored files), anywhere: one `git grep -F -o` with the values as patterns on
 * stdin (never on the command line, where other users of the machine could read them).
 */
import { createHash } from 'node:crypto';
import { type GitRunner, GitError } from '../../../context/git.js';
import type { HistoryFinding } from '../types.js';

/** The part of a value grep can find on one line: a PEM body spans lines, its first 64 do not. */
function needleOf(f: HistoryFinding): string {
  const raw = f.secret.reveal();
  return f.ruleId === 'private-key' ? raw.slice(0, 64) : raw;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * Sets `stillPresent` on each finding. When git cannot answer (no work tree, output over the
 * cap) the field stays undefined: unknown, never a guess.
 */
export async function markStillPresent(
  findings: HistoryFinding[], git: GitRunner, root: string, signal?: AbortSignal,
): Promise<void> {
  if (findings.length === 0) return;
  const needles = new Map<string, HistoryFinding[]>();
  for (const f of findings) {
    const n = needleOf(f);
    if (!n || n.includes('\n')) continue;
    const h = sha256(n);
    needles.set(h, [...(needles.get(h) ?? []), f]);
  }
  const patterns = [...new Set(findings.map(needleOf).filter((n) => n && !n.includes('\n')))];
  let stdout: Buffer;
  try {
    // -I: no binary files; -h: no file names; -o: only the matched values; exit 1 = none found.
    ({ stdout } = await git.run(['grep', '-I', '-h', '-o', '-F', '--untracked', '-f', '-'], {
      cwd: root, input: Buffer.from(`${patterns.join('\n')}\n`, 'latin1'), timeoutMs: 120_000, maxBytes: 16 * 1024 * 1024,
      okStatuses: [1], signal,
    }));
  } catch (err) {
    if (err instanceof GitError) return;
    throw err;
  }
  const present = new Set(stdout.toString('latin1').split('\n').filter(Boolean).map(sha256));
  for (const [h, fs] of needles) for (const f of fs) f.stillPresent = present.has(h);
}
