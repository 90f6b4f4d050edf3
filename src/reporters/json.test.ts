/** The JSON report is exactly the interface.md document: validated with a strict schema. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FIXTURE_RUN } from './__fixtures__/run.js';
import { renderJson } from './json.js';

const severity = z.enum(['blocker', 'high', 'medium', 'low', 'info']);

const resultSchema = z
  .strictObject({
    check: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/),
    stage: z.number().int().positive(),
    target: z.string().min(1),
    status: z.enum(['pass', 'fail', 'skip', 'error']),
    severity: severity.optional(),
    title: z.string().min(1),
    message: z.string().min(1),
    messageId: z.string().optional(),
    evidence: z.record(z.string(), z.unknown()),
    remediation: z.string().optional(),
    docs: z.url(),
    fingerprint: z.string().regex(/^[0-9a-f]{10}$/),
  })
  .refine((r) => (r.status === 'fail') === (r.severity !== undefined), 'severity is present exactly when status is fail');

const count = z.number().int().nonnegative();

/** interface.md, "Machine-readable audit result", plus the optional deployment map. */
const reportSchema = z.strictObject({
  tool: z.strictObject({ name: z.literal('launchready'), version: z.string().min(1) }),
  project: z.string(),
  startedAt: z.iso.datetime(),
  durationMs: count,
  results: z.array(resultSchema),
  summary: z.strictObject({
    blocker: count, high: count, medium: count, low: count, info: count,
    pass: count, skip: count, error: count, score: z.number().int().min(0).max(100),
  }),
  deploymentMap: z.strictObject({ environments: z.array(z.object({ name: z.string(), hosts: z.array(z.object({ name: z.string() })) })) }).optional(),
});

describe('json reporter', () => {
  const doc = JSON.parse(renderJson(FIXTURE_RUN)) as unknown;

  it('validates against the interface.md shape', () => {
    const parsed = reportSchema.safeParse(doc);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it('keeps every result, in order, and a summary that matches them', () => {
    const report = reportSchema.parse(doc);
    expect(report.results.map((r) => `${r.check} ${r.target}`)).toEqual(FIXTURE_RUN.results.map((r) => `${r.check} ${r.target}`));
    const fails = report.results.filter((r) => r.status === 'fail');
    for (const sev of severity.options) expect(report.summary[sev]).toBe(fails.filter((r) => r.severity === sev).length);
    for (const st of ['pass', 'skip', 'error'] as const) expect(report.summary[st]).toBe(report.results.filter((r) => r.status === st).length);
  });

  it('puts facts under deploymentMap only', () => {
    expect(doc).not.toHaveProperty('facts');
    expect(doc).toHaveProperty('deploymentMap.environments.1.name', 'staging');
    const bare = JSON.parse(renderJson({ ...FIXTURE_RUN, facts: undefined })) as object;
    expect(bare).not.toHaveProperty('deploymentMap');
  });

  it('drops a stray severity on non-failures and keeps control characters escaped', () => {
    const run = { ...FIXTURE_RUN, results: [{ ...FIXTURE_RUN.results[0], status: 'pass' as const }] };
    const text = renderJson(run);
    expect(JSON.parse(text).results[0]).not.toHaveProperty('severity');
    expect(renderJson(FIXTURE_RUN)).not.toMatch(/[\u0000-\u0009\u000B-\u001F]/);
  });
});
