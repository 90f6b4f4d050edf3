// Every rule against its own fixtures: `ng` texts fire exactly that rule once, `ok` texts fire
// nothing at all. Values are generated from a fixed seed, so failures reproduce.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Rand, SAMPLES } from './__fixtures__/samples.js';
import { compileRules } from './compile.js';
import { BUILTIN_RULES } from './rules/index.js';
import { scanFileText } from './scan-file.js';

const compiled = compileRules(BUILTIN_RULES);
const scan = (text: string) => scanFileText('fixture.txt', text, compiled);

describe('built-in rules', () => {
  it('has at least 40 formats with unique ids and lower-case ASCII keywords', () => {
    expect(BUILTIN_RULES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(BUILTIN_RULES.map((r) => r.id)).size).toBe(BUILTIN_RULES.length);
    expect(() => compileRules(BUILTIN_RULES)).not.toThrow();
  });

  it('has ng and ok fixtures for every rule, and no fixtures for unknown rules', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(BUILTIN_RULES.map((r) => r.id).sort());
    for (const [id, s] of Object.entries(SAMPLES)) {
      expect(s.ok.length, id).toBeGreaterThan(0);
      expect(s.ng(new Rand(1)).length, id).toBeGreaterThan(0);
    }
  });

  it('documents every rule in docs/secret-rules.md', () => {
    const doc = readFileSync(fileURLToPath(new URL('../../../docs/secret-rules.md', import.meta.url)), 'utf8');
    for (const r of BUILTIN_RULES) expect(doc, r.id).toContain(`| \`${r.id}\` |`);
  });

  it('puts the generic rule last', () => {
    expect(BUILTIN_RULES.at(-1)?.generic).toBe(true);
  });
});

describe.each(BUILTIN_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const samples = SAMPLES[id];

  it('finds each generated value exactly once, as this rule', () => {
    for (let seed = 1; seed <= 5; seed++) {
      for (const text of samples.ng(new Rand(seed * 7919))) {
        const found = scan(text);
        expect(found.map((f) => f.ruleId), text.slice(0, 120)).toEqual([id]);
        expect(text.includes(found[0].secret.reveal().slice(0, 64))).toBe(true);
        // The prefilter contract: a keyword of the rule occurs on the finding's line.
        const line = text.split('\n')[found[0].line - 1].toLowerCase();
        expect(rule.keywords.some((k) => line.includes(k)), `${id}: no keyword on the line`).toBe(true);
      }
    }
  });

  it.each(samples.ok.map((t) => [t]))('ignores %s', (text) => {
    expect(scan(text).map((f) => `${f.ruleId} ${f.secret.redacted}`)).toEqual([]);
  });
});
