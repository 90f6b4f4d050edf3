// Nothing leaks: a scan full of planted secrets — one generated value of every rule, in the
// working tree, in the history and in a CI log — rendered in every report format, plus stderr and
// the baseline file, must not contain a single raw value.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlantedRepo } from '../engines/secrets/__fixtures__/lab-repo.js';
import { Rand, SAMPLES } from '../engines/secrets/__fixtures__/samples.js';
import { BUILTIN_RULES, compileRules, scanFileText } from '../engines/secrets/index.js';
import { REPORT_FORMATS } from '../reporters/index.js';
import type { SecretsCliDeps } from './secrets.js';
import { runSecretsInProcess } from './secrets-run.js';

let repo: { dir: string; cleanup(): Promise<void> };
let work: string;
const texts: string[] = [];
const values: string[] = [];

beforeAll(async () => {
  const r = new Rand(2024);
  for (const rule of BUILTIN_RULES) texts.push(...SAMPLES[rule.id].ng(r));
  const compiled = compileRules(BUILTIN_RULES);
  for (const t of texts) values.push(...scanFileText('x', t, compiled).map((f) => f.secret.reveal()));
  repo = await createPlantedRepo(texts);
  work = await mkdtemp(join(tmpdir(), 'lr-leak-'));
  await writeFile(join(work, 'ci.log'), texts.join('\n'));
});
afterAll(async () => {
  await Promise.all([repo?.cleanup(), rm(work, { recursive: true, force: true })]);
});

const runSecrets = (args: string[], opts: { cwd: string; deps?: SecretsCliDeps }) => runSecretsInProcess(args, opts.cwd, opts.deps);
const leaked = (output: string) => values.filter((v) => output.includes(v));

describe('no raw secret in any output', () => {
  it('plants one value per rule, and the scan finds every one of them', async () => {
    expect(values.length).toBe(texts.length);
    const r = await runSecrets([repo.dir, '--format', 'json', '--quiet'], { cwd: work });
    const rules = new Set((JSON.parse(r.out) as { results: { evidence?: { rule?: string } }[] }).results.map((x) => x.evidence?.rule));
    for (const rule of BUILTIN_RULES) expect(rules.has(rule.id), rule.id).toBe(true);
  });

  it.each(REPORT_FORMATS.map((f) => [f]))('%s report, stdout and stderr', async (format) => {
    const stdin = () => Readable.from([Buffer.from(texts.join('\n'))]);
    const tree = await runSecrets([repo.dir, '--format', format, '--verbose'], { cwd: work });
    const logs = await runSecrets(['--log', 'ci.log', '--log', '-', '--format', format, '--verbose'], { cwd: work, deps: { stdin } });
    expect(tree.code).toBe(1);
    expect(logs.code).toBe(1);
    expect(tree.out.length).toBeGreaterThan(1000);
    expect(leaked(tree.out + tree.err + logs.out + logs.err)).toEqual([]);
  });

  it('the report file and the baseline file', async () => {
    const out = join(work, 'report.html');
    const baseline = join(work, 'baseline.json');
    await runSecrets([repo.dir, '--format', 'html', '--output', out, '--write-baseline', baseline], { cwd: work });
    expect(leaked(await readFile(out, 'utf8'))).toEqual([]);
    expect(leaked(await readFile(baseline, 'utf8'))).toEqual([]);
  });
});
