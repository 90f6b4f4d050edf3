/** SARIF 2.1.0: version, rules from check metadata, one result per failure, locations. */
import { describe, expect, it } from 'vitest';
import { FIXTURE_CHECKS, FIXTURE_RUN } from './__fixtures__/run.js';
import { renderSarif } from './sarif.js';

interface Log {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; shortDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[]; toolConfigurationNotifications: unknown[] }[];
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Record<string, any>[]; partialFingerprints: Record<string, string> }[];
  }[];
}

describe('sarif reporter', () => {
  const log = JSON.parse(renderSarif(FIXTURE_RUN, FIXTURE_CHECKS)) as Log;
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run and the tool driver', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'launchready', version: '0.1.0', informationUri: expect.stringMatching(/^https:\/\//) });
  });

  it('has one rule per registered check, plus rules for checks only seen in results', () => {
    const ids = run.tool.driver.rules.map((r) => r.id);
    expect(ids.slice(0, FIXTURE_CHECKS.length)).toEqual(FIXTURE_CHECKS.map((c) => c.meta.id));
    expect(ids).toContain('web.third-party');
    expect(new Set(ids).size).toBe(ids.length);
    const hsts = run.tool.driver.rules.find((r) => r.id === 'https.hsts');
    expect(hsts).toMatchObject({ shortDescription: { text: 'HSTS on every HTTPS host' }, defaultConfiguration: { level: 'warning' } });
    expect(hsts?.helpUri).toMatch(/^https:\/\/.*docs\/checks\/https\.hsts\.md$/);
  });

  it('reports failures only, with levels by severity and stable fingerprints', () => {
    const fails = FIXTURE_RUN.results.filter((r) => r.status === 'fail');
    expect(run.results).toHaveLength(fails.length);
    const want = { blocker: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' } as const;
    run.results.forEach((res, i) => {
      expect(res.ruleId).toBe(fails[i].check);
      expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
      expect(res.level).toBe(want[fails[i].severity!]);
      expect(res.partialFingerprints['launchready/v1']).toBe(fails[i].fingerprint);
    });
  });

  it('locates file targets physically and everything else logically', () => {
    const secret = run.results.find((r) => r.ruleId === 'secrets.working-tree');
    expect(secret?.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12 },
    });
    const hsts = run.results.find((r) => r.ruleId === 'https.hsts');
    expect(hsts?.locations[0]).toEqual({ logicalLocations: [{ name: 'api.acme.test', fullyQualifiedName: 'api.acme.test', kind: 'resource' }] });
  });

  it('lists errors and skips as invocation notifications', () => {
    const inv = run.invocations[0];
    expect(inv.executionSuccessful).toBe(true);
    expect(inv.toolExecutionNotifications).toHaveLength(1);
    expect(inv.toolExecutionNotifications[0]).toMatchObject({ level: 'error', message: { text: expect.stringContaining('timed out') } });
    expect(inv.toolConfigurationNotifications).toHaveLength(1);
  });

  it('works without registered checks (rules derived from results)', () => {
    const bare = JSON.parse(renderSarif(FIXTURE_RUN)) as Log;
    const ids = bare.runs[0].tool.driver.rules.map((r) => r.id);
    expect(ids).toEqual([...new Set(FIXTURE_RUN.results.map((r) => r.check))]);
    // Without the check's targetKind, `src/app.ts:12` still reads as a file (it has a folder).
    const secret = bare.runs[0].results.find((r) => r.ruleId === 'secrets.working-tree');
    expect(secret?.locations[0]).toHaveProperty('physicalLocation.region.startLine', 12);
  });
});
