// The catalogue meta-test: every public id is registered or openly listed as not yet implemented,
// every check file is registered under the id its path spells, and every id has its docs page.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_IDS, NOT_YET_IMPLEMENTED } from './catalogue.js';
import { ALL_CHECKS } from './index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function checkFiles(): string[] {
  return readdirSync(here, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_'))
    .flatMap((d) =>
      readdirSync(join(here, d.name))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_') && f !== 'index.ts')
        .map((f) => join(here, d.name, f)),
    );
}

describe('check catalogue', () => {
  const registered = ALL_CHECKS.map((c) => c.meta.id);

  it('registers each id once', () => {
    expect(new Set(registered).size).toBe(registered.length);
  });

  it('covers every catalogue id, implemented or listed as not yet implemented (never both)', () => {
    for (const id of CATALOGUE_IDS) {
      const isRegistered = registered.includes(id);
      const isPending = NOT_YET_IMPLEMENTED.includes(id);
      expect(isRegistered !== isPending, `${id}: registered=${isRegistered} pending=${isPending}`).toBe(true);
    }
    for (const id of NOT_YET_IMPLEMENTED) expect(CATALOGUE_IDS).toContain(id);
  });

  it('matches the published catalogue in shared/spec when it is beside the checkout', () => {
    const spec = join(root, '..', 'shared', 'spec', 'checks.md');
    if (!existsSync(spec)) return;
    const ids = [...readFileSync(spec, 'utf8').matchAll(/^\| `([a-z0-9-]+\.[a-z0-9-]+)`/gm)].map((m) => m[1]);
    expect([...CATALOGUE_IDS].sort()).toEqual([...ids].sort());
  });

  it('registers every check file under the id its path spells', async () => {
    for (const file of checkFiles()) {
      const id = relative(here, file).replace(/\.ts$/, '').split(/[\\/]/).join('.');
      const mod = await import(pathToFileURL(file).href);
      expect(mod.default?.meta?.id, file).toBe(id);
      expect(ALL_CHECKS, `${id} is not in src/checks/index.ts`).toContain(mod.default);
    }
    expect(checkFiles().length).toBe(ALL_CHECKS.length);
  });

  it('documents every registered check in docs/checks/<id>.md', () => {
    for (const id of registered) expect(existsSync(join(root, 'docs', 'checks', `${id}.md`)), id).toBe(true);
  });

  it('gives every messageId a remediation', () => {
    for (const c of ALL_CHECKS) {
      if (typeof c.remediation === 'string') continue;
      for (const m of Object.keys(c.messages)) expect(c.remediation[m], `${c.meta.id}.${m}`).toBeTruthy();
    }
  });
});
