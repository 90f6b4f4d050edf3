/**
 * Schemas of the service-facing sections (`email`, `api`, `monitors`, `alerts`, `assistant`,
 * `smoke`, `audit`, `ownership`). Every object is strict: an unknown key is an error.
 */
import { z } from 'zod';
import type {
  AlertChannelConfig, AlertsSection, ApiSection, AssistantSection, AuditSection, BaselineSection, EmailSection,
  MonitorsSection, OwnershipSection, SmokeFlow,
} from './types.js';
import { parseDuration } from './duration.js';
import {
  anyValue, bool, duration, fail, fsPath, headers, hostName, int, method, oneOrMany, text, textList, url, urlPath,
  type SchemaContext,
} from './schema-primitives.js';
import { checkReference, uniqueBy } from './schema-checks.js';

export const emailSection = () =>
  z.strictObject({
    domains: z
      .array(
        z.strictObject({
          name: hostName(),
          dkim_selectors: oneOrMany(text()).optional(),
          receives_mail: bool().optional(),
          sends_mail: bool().optional(),
        }),
      )
      .default([]),
    smtp: z
      .strictObject({ url: url(['smtp', 'smtps']), from: text().optional(), seed_inbox: text().optional() })
      .optional(),
  }).transform((v, ctx): EmailSection => {
    uniqueBy(ctx, ['domains'], v.domains, (d) => d.name, 'name', 'mail domain');
    return v;
  });

// Safe methods read; everything else writes (the p95 budgets differ: 300 ms vs 800 ms).
const defaultKind = (m: string): 'read' | 'write' => (['GET', 'HEAD', 'OPTIONS'].includes(m) ? 'read' : 'write');

const endpoint = () =>
  z.strictObject({
    name: text(),
    method: method().default('GET'),
    path: urlPath(),
    kind: z.enum(['read', 'write']).optional(),
    list: bool().optional(),
    critical: bool().optional(),
    body: anyValue(),
    headers: headers().optional(),
    sensitive: bool().optional(),
  }).transform(({ kind, ...e }) => ({ ...e, kind: kind ?? defaultKind(e.method) }));

export const apiSection = () =>
  z.strictObject({
    base: url(),
    login: z
      .strictObject({
        method: method().default('POST'),
        path: urlPath(),
        body: anyValue(),
        headers: headers().optional(),
        // Dotted path of the token in the login answer's JSON; `token` is the common case.
        token: text().default('token'),
      })
      .optional(),
    health: urlPath().optional(),
    admin_paths: z.array(urlPath()).default([]),
    cors: z.strictObject({ allowed_origins: z.array(text()).default([]) }).optional(),
    endpoints: z.array(endpoint()).default([]),
    sensitive_paths: z.array(urlPath()).optional(),
  }).transform((v, ctx): ApiSection => {
    uniqueBy(ctx, ['endpoints'], v.endpoints, (e) => e.name, 'name', 'endpoint');
    return v;
  });

const monitorCheck = () =>
  z.strictObject({
    name: text(),
    url: url().optional(),
    method: method().optional(),
    heartbeat: duration().optional(),
    token: text().optional(),
    expect: z
      .strictObject({ status: int(100, 599).optional(), p95: duration().optional(), body: text().optional() })
      .optional(),
  }).transform((c, ctx) => {
    // A monitor either polls a URL or waits for pushes (heartbeat); never both, never neither.
    if (c.url === undefined && c.heartbeat === undefined) {
      fail(ctx, { lr: 'LR_CONFIG_REQUIRED', message: 'a monitor needs `url` (polled) or `heartbeat` (pushed)', fix: 'add url: https://… or heartbeat: 15m' });
    }
    if (c.url !== undefined && c.heartbeat !== undefined) {
      fail(ctx, { lr: 'LR_CONFIG_VALUE', path: ['heartbeat'], message: 'a monitor has either `url` or `heartbeat`, not both', fix: 'split it into two monitors' });
    }
    if (c.heartbeat !== undefined && c.token === undefined) {
      fail(ctx, { lr: 'LR_CONFIG_REQUIRED', message: 'a heartbeat monitor needs a `token` (its ping URL is /api/v1/heartbeat/<token>)', fix: 'add token: "${HEARTBEAT_TOKEN}"' });
    }
    const { heartbeat, expect, ...rest } = c;
    return {
      ...rest,
      ...(heartbeat !== undefined ? { heartbeatMs: heartbeat } : {}),
      ...(expect ? { expect: { status: expect.status, p95Ms: expect.p95, body: expect.body } } : {}),
    };
  });

export const monitorsSection = () =>
  z.strictObject({
    interval: duration().default(60_000),
    api_token: text().optional(),
    dashboard: z.strictObject({ password_hash: text().optional() }).optional(),
    checks: z.array(monitorCheck()).default([]),
  }).transform((v, ctx): MonitorsSection => {
    if (v.interval < 1000) fail(ctx, { lr: 'LR_CONFIG_VALUE', path: ['interval'], message: 'the monitor interval must be at least 1s', fix: 'write interval: 60s' });
    uniqueBy(ctx, ['checks'], v.checks, (c) => c.name, 'name', 'monitor');
    const { interval, ...rest } = v;
    return { intervalMs: interval, ...rest };
  });

const CHANNEL_TYPES = ['slack', 'email', 'webhook', 'teams', 'discord', 'pagerduty'] as const;

const channel = () =>
  z.strictObject({
    name: text(),
    type: z.enum(CHANNEL_TYPES),
    url: url().optional(),
    to: text().optional(),
    secret: text().optional(),
  }).transform((c, ctx): AlertChannelConfig => {
    if (c.type === 'email' && !c.to) fail(ctx, { lr: 'LR_CONFIG_REQUIRED', message: 'an email channel needs `to`', fix: 'add to: oncall@example.com' });
    if (['slack', 'webhook', 'teams', 'discord'].includes(c.type) && !c.url) {
      fail(ctx, { lr: 'LR_CONFIG_REQUIRED', message: `a ${c.type} channel needs \`url\``, fix: 'add url: "${WEBHOOK_URL}"' });
    }
    return c;
  });

/** `"2% over 5m"` → `{ ratio: 0.02, windowMs: 300000 }`. */
export function parseErrorRate(input: string): { ratio: number; windowMs: number } | { error: string } {
  const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*(?:over|in|per|\/)\s*(\S.*?)\s*$/i.exec(input);
  if (!m) return { error: 'is not "<percent>% over <duration>"' };
  const ratio = Number(m[1]) / 100;
  if (ratio <= 0 || ratio > 1) return { error: 'has a percentage outside 0–100 %' };
  let windowMs: number;
  try {
    windowMs = parseDuration(m[2]);
  } catch {
    return { error: 'has a window that is not a duration (500ms, 60s, 5m)' };
  }
  if (windowMs <= 0) return { error: 'has an empty window' };
  return { ratio, windowMs };
}

const errorRate = () =>
  text().transform((v, ctx) => {
    const r = parseErrorRate(v);
    if ('error' in r) return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: r.error, shown: v, fix: 'write error_rate: "2% over 5m"' });
    return r;
  });

export const alertsSection = () =>
  z.strictObject({
    channels: z.array(channel()).default([]),
    rules: z
      .strictObject({
        error_rate: errorRate().optional(),
        read_p95: duration().optional(),
        write_p95: duration().optional(),
        confirm: int(1, 100).optional(),
        min_samples: int(1, 1_000_000).optional(),
      })
      .prefault({}),
    escalation: z.array(z.strictObject({ after: duration(), notify: oneOrMany(text()) })).default([]),
  }).transform((v, ctx): AlertsSection => {
    uniqueBy(ctx, ['channels'], v.channels, (c) => c.name, 'name', 'channel');
    const names = v.channels.map((c) => c.name);
    v.escalation.forEach((step, i) =>
      step.notify.forEach((n, j) => checkReference(ctx, n, names, ['escalation', i, 'notify', j], 'channel')),
    );
    const { read_p95, write_p95, ...rules } = v.rules;
    return {
      channels: v.channels,
      rules: {
        ...rules,
        ...(read_p95 !== undefined ? { read_p95Ms: read_p95 } : {}),
        ...(write_p95 !== undefined ? { write_p95Ms: write_p95 } : {}),
      },
      escalation: v.escalation.map((s) => ({ afterMs: s.after, notify: s.notify })),
    };
  });

/** The body and answer path the assistant probes use when the config gives none (interface.md). */
const ASSISTANT_DEFAULT_BODY = Object.freeze({ message: '{{prompt}}', documents: '{{documents}}' });

export const assistantSection = () =>
  z.strictObject({
    url: url(),
    body: anyValue(),
    answer: text().default('answer'),
    headers: headers().optional(),
    tenants: z.array(z.strictObject({ name: text(), token: text(), canary: text() })).default([]),
    escalation_marker: text().optional(),
  }).transform((v, ctx): AssistantSection => {
    uniqueBy(ctx, ['tenants'], v.tenants, (t) => t.name, 'name', 'tenant');
    return { ...v, body: v.body === undefined ? { ...ASSISTANT_DEFAULT_BODY } : v.body };
  });

const smokeStep = () =>
  z.strictObject({
    // "METHOD /path" — the path may hold {{captured}} values.
    request: text().refine((r) => /^[A-Za-z]+\s+\S+$/.test(r), {
      message: 'a step request reads "METHOD /path"',
      params: { lr: 'LR_CONFIG_VALUE', fix: 'write request: "POST /api/tasks"' },
    }),
    body: anyValue(),
    headers: headers().optional(),
    expect: z
      .strictObject({
        status: int(100, 599).optional(),
        json: z.record(z.string(), z.unknown()).optional(),
        // A number of milliseconds, or a duration such as 800ms / 2s.
        max_ms: duration().optional(),
        body_contains: text().optional(),
      })
      .optional(),
    capture: z.record(z.string().min(1), text()).optional(),
  });

export const smokeSection = () =>
  z.array(z.strictObject({ name: text(), steps: z.array(smokeStep()).min(1) })).default([])
    .transform((flows, ctx): SmokeFlow[] => {
      uniqueBy(ctx, [], flows, (f) => f.name, 'name', 'smoke flow');
      return flows;
    });

export const auditSection = () =>
  z.strictObject({
    // Fingerprints are hex; an all-digit one would otherwise arrive as a YAML number.
    ignore: textList().default([]),
    rate_limit_probe: bool().default(true),
    // Never above 100: the probe must stay a probe, not a load test.
    rate_limit_burst: int(1, 100).default(60),
    secrets: z.strictObject({ allow_paths: textList().default([]) }).prefault({}),
  }).transform((v): AuditSection => v);

export const ownershipSection = (ctx: SchemaContext) =>
  z.strictObject({
    dns: z.strictObject({ provider: text().optional(), owner: text().optional() }).optional(),
    access: z.record(z.string().min(1), oneOrMany(text())).optional(),
    log_retention: duration().optional(),
    // Globs resolved against the config's folder, like every other path.
    logs: z.array(fsPath(ctx)).optional(),
    contacts: textList().optional(),
    rollback: text().optional(),
    deploy: text().optional(),
  }).transform(({ log_retention, ...rest }): OwnershipSection => ({
    ...rest,
    ...(log_retention !== undefined ? { log_retentionMs: log_retention } : {}),
  }));

/** Upper bounds of `baseline:`: a baseline measures, it is not a stress test. */
const BASELINE_MAX = Object.freeze({ rate: 1_000, requests: 10_000, warmup: 1_000, connections: 1_024 });

export const baselineSection = () =>
  z.strictObject({
    // Requests per second per endpoint; fractions allowed (0.5 = one every two seconds).
    rate: z.preprocess(
      (v) => (typeof v === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v),
      z.number().gt(0).max(BASELINE_MAX.rate),
    ).optional(),
    requests: int(1, BASELINE_MAX.requests).optional(),
    warmup: int(0, BASELINE_MAX.warmup).optional(),
    connections: int(1, BASELINE_MAX.connections).optional(),
  }).transform((v): BaselineSection => v);
