/** Every format rendered from the one fixture run must match its golden file exactly. */
import { describe, it } from 'vitest';
import { expectGolden } from './__fixtures__/golden.js';
import { FIXTURE_CHECKS, FIXTURE_RUN } from './__fixtures__/run.js';
import { renderReport, type RenderOptions, type ReportFormat } from './index.js';

const golden = (name: string) => new URL(`./__golden__/${name}`, import.meta.url);

const CASES: { file: string; format: ReportFormat; opts?: RenderOptions }[] = [
  { file: 'run.txt', format: 'text' },
  { file: 'run.verbose.txt', format: 'text', opts: { verbose: true } },
  { file: 'run.color.txt', format: 'text', opts: { color: true } },
  { file: 'run.json', format: 'json' },
  { file: 'run.sarif', format: 'sarif', opts: { checks: FIXTURE_CHECKS } },
  { file: 'run.junit.xml', format: 'junit' },
  { file: 'run.md', format: 'markdown' },
  { file: 'run.html', format: 'html' },
];

describe('golden files', () => {
  it.each(CASES)('$format → $file', ({ file, format, opts }) => {
    expectGolden(golden(file), renderReport(format, FIXTURE_RUN, opts));
  });
});
