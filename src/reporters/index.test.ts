/** The dispatcher renders every format and agrees with the CLI's list of formats. */
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../cli/common-options.js';
import { FIXTURE_CHECKS, FIXTURE_RUN } from './__fixtures__/run.js';
import { isReportFormat, renderReport, REPORT_FORMATS } from './index.js';

describe('renderReport', () => {
  it('knows the same formats as the CLI', () => {
    expect([...REPORT_FORMATS]).toEqual([...FORMATS]);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('pdf')).toBe(false);
  });

  it.each(REPORT_FORMATS.map((f) => [f]))('renders %s deterministically, ending in a newline', (format) => {
    const a = renderReport(format, FIXTURE_RUN, { checks: FIXTURE_CHECKS });
    expect(a.endsWith('\n')).toBe(true);
    expect(renderReport(format, FIXTURE_RUN, { checks: FIXTURE_CHECKS })).toBe(a);
  });

  it('does not change the run it renders', () => {
    const before = JSON.stringify(FIXTURE_RUN);
    for (const f of REPORT_FORMATS) renderReport(f, FIXTURE_RUN, { checks: FIXTURE_CHECKS, color: true, verbose: true });
    expect(JSON.stringify(FIXTURE_RUN)).toBe(before);
  });

  it('honours a docs base URL in every format that links', () => {
    for (const f of ['text', 'json', 'sarif', 'junit', 'markdown', 'html'] as const) {
      expect(renderReport(f, FIXTURE_RUN, { docsBaseUrl: 'https://docs.example.test/lr/', checks: FIXTURE_CHECKS })).toContain('https://docs.example.test/lr/docs/checks/tls.expiry.md');
    }
  });
});
