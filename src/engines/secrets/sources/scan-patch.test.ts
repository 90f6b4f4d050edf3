// The patch reader: line numbers from hunk headers and context lines, only added lines, and the
// same hits whatever chunk boundary the stream is cut at.
import { describe, expect, it } from 'vitest';
import { Rand } from '../__fixtures__/random.js';
import { compileRules } from '../compile.js';
import { BUILTIN_RULES } from '../rules/index.js';
import { INITIAL_PATCH_STATE, unquoteGitPath } from './patch-cursor.js';
import { type PatchHit, scanPatchChunk } from './scan-patch.js';
import { patchChunks } from './patch-chunks.js';

const compiled = compileRules(BUILTIN_RULES);
const r = new Rand(7);
const tokenA = `${'ghp_'}${r.alnum(36)}`;
const tokenB = `${'npm_'}${r.alnum(36)}`;
const tokenC = `${'glpat-'}${r.chars(20, 'base64url')}`;
const C1 = 'a'.repeat(40);
const C2 = 'b'.repeat(40);

// Newest commit first, as git prints it; context lines (` `) count, removed lines (`-`) do not.
const PATCH = [
  `\x1e${C2} 1706832000 2024-02-02T00:00:00+00:00`,
  '',
  'diff --git a/app/main.ts b/app/main.ts',
  'index 1111111..2222222 100644',
  '--- a/app/main.ts',
  '+++ b/app/main.ts',
  '@@ -10,4 +10,5 @@ function main() {',
  ' const a = 1;',
  `-const old = '${tokenC}';`,
  `+const token = '${tokenA}';`,
  ' const b = 2;',
  `+++ not a header: ${tokenB}`,
  ' const c = 3;',
  'diff --git "a/we\\"ird name.txt" "b/we\\"ird name.txt"',
  'new file mode 100644',
  '--- /dev/null',
  '+++ "b/we\\"ird name.txt"',
  '@@ -0,0 +1,2 @@',
  '+plain',
  `+NPM_TOKEN=${tokenB}`,
  `\x1e${C1} 1704067200 2024-01-01T00:00:00+00:00`,
  '',
  'diff --git a/app/main.ts b/app/main.ts',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/app/main.ts',
  '@@ -0,0 +1,11 @@',
  ...Array.from({ length: 10 }, (_, i) => `+line ${i + 1}`),
  `+const old = '${tokenC}';`,
  '',
].join('\n');

const show = (hits: PatchHit[]) => hits.map((h) => `${h.rule.id} ${h.path}:${h.line}:${h.column} ${h.commit.slice(0, 1)} ${h.date.slice(0, 10)}`);

describe('scanPatchChunk', () => {
  it('reads commits, paths (quoted too), new-side line numbers and only added lines', () => {
    const { hits, commits } = scanPatchChunk(PATCH, INITIAL_PATCH_STATE, compiled);
    expect(show(hits)).toEqual([
      'github-pat app/main.ts:11:16 b 2024-02-02',
      'npm-access-token app/main.ts:13:18 b 2024-02-02',
      'npm-access-token we"ird name.txt:2:11 b 2024-02-02',
      'gitlab-pat app/main.ts:11:14 a 2024-01-01',
    ]);
    expect(commits).toBe(2);
  });

  it('gives the same hits whatever line boundary the stream is cut at', () => {
    const whole = show(scanPatchChunk(PATCH, INITIAL_PATCH_STATE, compiled).hits);
    const starts = [...PATCH.matchAll(/\n/g)].map((m) => m.index + 1).filter((i) => i < PATCH.length);
    for (const cut of starts) {
      const first = scanPatchChunk(PATCH.slice(0, cut), INITIAL_PATCH_STATE, compiled);
      const second = scanPatchChunk(PATCH.slice(cut), first.state, compiled);
      expect(show([...first.hits, ...second.hits]), `cut at ${cut}`).toEqual(whole);
      expect(first.commits + second.commits).toBe(2);
    }
  });
});

describe('patchChunks', () => {
  it('cuts on diff or commit boundaries and loses no byte', async () => {
    async function* pieces() {
      for (let i = 0; i < PATCH.length; i += 37) yield Buffer.from(PATCH.slice(i, i + 37), 'latin1');
    }
    const chunks: string[] = [];
    for await (const c of patchChunks(pieces(), 200)) chunks.push(c.toString('latin1'));
    expect(chunks.join('')).toBe(PATCH);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks.slice(1)) expect(c.startsWith('diff --git ') || c.startsWith('\x1e')).toBe(true);
  });
});

describe('unquoteGitPath', () => {
  it.each([
    ['plain/path.ts', 'plain/path.ts'],
    ['"b/tab\\there"', 'b/tab\there'],
    ['"b/quote\\"d"', 'b/quote"d'],
    ['"b/\\303\\251t\\303\\251.txt"', Buffer.from('b/été.txt', 'utf8').toString('latin1')],
  ])('%s', (raw, want) => {
    expect(unquoteGitPath(raw)).toBe(want);
  });
});
