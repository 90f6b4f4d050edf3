/**
 * Golden-file comparison: the rendered text must equal the stored file byte for byte.
 * `UPDATE_GOLDEN=1 npx vitest run src/reporters src/deliverables` rewrites the files; review the
 * diff before committing it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Compares `actual` with the golden file at `url`, or rewrites it under `UPDATE_GOLDEN=1`. */
export function expectGolden(url: URL, actual: string): void {
  const path = fileURLToPath(url);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  let expected: string;
  try {
    expected = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`golden file ${path} is missing: run with UPDATE_GOLDEN=1 to create it`);
  }
  expect(actual, `differs from ${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected);
}
