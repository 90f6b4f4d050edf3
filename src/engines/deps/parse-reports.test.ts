import { describe, expect, it } from 'vitest';
import { recording, type RecordingName } from './__fixtures__/recordings.js';
import { parseAuditOutput } from './parse-reports.js';

const parsed = (name: RecordingName) => parseAuditOutput(recording(name).stdout);
const summary = (name: RecordingName) => parsed(name)?.packages.map((p) => [p.name, p.severity, p.advisories.length]);

describe('parseAuditOutput', () => {
  it('npm 7+: keeps the vulnerable packages themselves and records who pulls them in', () => {
    const r = parsed('npm-vulnerable')!;
    expect(summary('npm-vulnerable')).toEqual([['qs', 'critical', 1], ['left-pad', 'high', 1], ['is-number', 'moderate', 1], ['ms', 'low', 1]]);
    expect(r.packages[0]).toMatchObject({
      name: 'qs', direct: false, dependents: ['body-parser'],
      advisories: [{ id: 1101004, title: 'Prototype poisoning in qs', url: 'https://github.com/advisories/GHSA-wwww-qs', severity: 'critical', range: '<6.2.4' }],
    });
    expect(r.packages[1]).toMatchObject({ name: 'left-pad', direct: true });
    expect(r.counts).toEqual({ critical: 1, high: 1, moderate: 1, low: 1, info: 0 });
  });

  it('npm 7+ with nothing to report', () => {
    expect(parsed('npm-clean')).toEqual({ packages: [], counts: { critical: 0, high: 0, moderate: 0, low: 0, info: 0 } });
  });

  it('pnpm (legacy advisories report): versions and paths', () => {
    expect(summary('pnpm-vulnerable')).toEqual([['qs', 'critical', 1], ['left-pad', 'high', 1], ['is-number', 'moderate', 1], ['ms', 'low', 1]]);
    expect(parsed('pnpm-vulnerable')!.packages[0]).toMatchObject({ name: 'qs', versions: ['6.1.0'], direct: false, dependents: ['body-parser'] });
  });

  it('yarn 4 NDJSON, deprecations left out', () => {
    expect(summary('yarn-berry-vulnerable')).toEqual([['qs', 'critical', 1], ['left-pad', 'high', 1], ['ms', 'low', 1]]);
    expect(parsed('yarn-berry-vulnerable')!.packages[1]).toMatchObject({ versions: ['1.3.0'], direct: true, dependents: ['tiny'] });
  });

  it('yarn 1 NDJSON', () => {
    expect(summary('yarn-classic-vulnerable')).toEqual([['qs', 'critical', 1], ['left-pad', 'high', 1], ['is-number', 'moderate', 1]]);
  });

  it.each<RecordingName>(['npm-offline-405', 'npm-offline-refused', 'pnpm-offline-405', 'yarn-classic-offline'])('%s is not a report', (name) => {
    expect(parsed(name)).toBeUndefined();
  });

  it.each(['', 'not json', '{"foo":1}', '[1,2]'])('%j is not a report', (text) => {
    expect(parseAuditOutput(text)).toBeUndefined();
  });

  it('merges several advisories of one package, keeping the worst severity', () => {
    const doc = { auditReportVersion: 2, vulnerabilities: { a: { name: 'a', isDirect: true, via: [
      { source: 1, title: 'x', severity: 'low' }, { source: 2, title: 'y', severity: 'high' }, { source: 2, title: 'y', severity: 'high' },
    ] } }, metadata: {} };
    expect(parseAuditOutput(JSON.stringify(doc))!.packages).toMatchObject([{ name: 'a', severity: 'high', advisories: [{ id: 1 }, { id: 2 }] }]);
  });
});
