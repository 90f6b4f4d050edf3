/**
 * The zod (v4) schema of `launchready.yml` (interface.md, "The config file"). It validates every
 * section — later features read them — with strict objects (unknown keys are errors) and produces
 * the normalised {@link LaunchConfig}: durations in ms, paths absolute, defaults filled in.
 *
 * The schema is built per file because relative paths resolve against that file's folder.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { EnvironmentConfig, EnvVarSchema, HostConfig, LaunchConfig, NetworkConfig } from './types.js';
import {
  bool, duration, fail, fsPath, type IssueParams, hostName, int, ipAddress, oneOrMany, origin, port, text, url,
  type SchemaContext,
} from './schema-primitives.js';
import {
  alertsSection, apiSection, assistantSection, auditSection, baselineSection, emailSection, monitorsSection,
  ownershipSection, smokeSection,
} from './schema-sections.js';
import { uniqueBy } from './schema-checks.js';

/** What the schema needs to know about the file it validates. */
export interface ConfigSchemaContext extends SchemaContext {
  /** Absolute path of the config file. */
  file: string;
}

/** `host:port` of a DNS server; a bare address gets port 53, IPv6 is written `[::1]:53`. */
const resolverAddress = () =>
  text().transform((v, ctx): string => {
    if (isIP(v)) return isIP(v) === 6 ? `[${v}]:53` : `${v}:53`;
    const m = /^(\[[0-9a-fA-F:.]+\]|[^\s:[\]]+):(\d{1,5})$/.exec(v);
    const p = m ? Number(m[2]) : 0;
    if (!m || p < 1 || p > 65_535) {
      return fail(ctx, { lr: 'LR_CONFIG_VALUE', message: 'is not host:port of a DNS server', shown: v, fix: 'write resolver: 127.0.0.1:5353' });
    }
    return v;
  });

/** Keeps the largest sensible bound: more parallel work than this hurts the audited product. */
const MAX_CONCURRENCY = 256;

export const networkSection = (ctx: SchemaContext) =>
  z.strictObject({
    resolver: resolverAddress().optional(),
    ca: fsPath(ctx).optional(),
    ports: z.strictObject({ http: port().optional(), https: port().optional() }).optional(),
    rdap: url().optional(),
    timeout: duration().default(5_000),
    concurrency: int(1, MAX_CONCURRENCY).default(8),
  }).transform(({ timeout, ...rest }, c): NetworkConfig => {
    if (timeout <= 0) fail(c, { lr: 'LR_CONFIG_VALUE', path: ['timeout'], message: 'the timeout must be longer than 0', fix: 'write timeout: 5s' });
    return { ...rest, timeoutMs: timeout };
  });

const HOST_ROLES = ['app', 'api', 'admin', 'marketing', 'status', 'other'] as const;

const host = () =>
  // `- acme.test` is shorthand for `- name: acme.test`.
  z.preprocess(
    (v) => (typeof v === 'string' ? { name: v } : v),
    z.strictObject({
      name: hostName(),
      role: z.enum(HOST_ROLES).optional(),
      expect: z
        .strictObject({
          a: oneOrMany(ipAddress(4)).optional(),
          aaaa: oneOrMany(ipAddress(6)).optional(),
          cname: hostName().optional(),
        })
        .optional(),
      shared_origin: bool().optional(),
    }),
  ).transform((h): HostConfig => h);

const environment = (ctx: SchemaContext) =>
  z.strictObject({
    canonical: origin().optional(),
    hosts: z.array(host()).default([]),
    env_file: fsPath(ctx).optional(),
  }).transform((e, c): EnvironmentConfig => {
    uniqueBy(c, ['hosts'], e.hosts, (h) => h.name, 'name', 'host');
    return e;
  });

export const ENV_FORMATS = Object.freeze([
  'url', 'email', 'host', 'port', 'integer', 'number', 'boolean', 'enum', 'json', 'duration', 'regex', 'string',
] as const);

/** One variable of the env schema (inline under `env:` or in the `env.schema` file). */
export const envVarSchema = () =>
  z.strictObject({
    format: z.enum(ENV_FORMATS).optional(),
    enum: z.array(text()).min(1).optional(),
    pattern: text().refine(compiles, { message: 'not a valid regular expression', params: { lr: 'LR_CONFIG_VALUE', fix: 'fix the regular expression (JavaScript syntax)' } }).optional(),
    min_length: int(0, 1_000_000).optional(),
    secret: bool().optional(),
    // A default may legitimately be empty (`default: ""`); numbers and booleans become text.
    default: z.preprocess((v) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v), z.string()).optional(),
    required: bool().optional(),
    rotation: text().optional(),
  }).transform((v): EnvVarSchema => v);

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** `NAME: {}` and `NAME:` (nothing) both declare a variable with no constraints but presence. */
const envVar = () => z.preprocess((v) => (v === null || v === undefined ? {} : v), envVarSchema());

/** Variable names a shell accepts. */
export const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ENV_NAME_RULE = Object.freeze({ lr: 'LR_CONFIG_VALUE', fix: 'use letters, digits and _, not starting with a digit' } satisfies IssueParams);

/** Variables keyed by name, as in the `env.schema` file. */
export const envVarsMap = () =>
  z.record(
    z.string().refine((k) => ENV_NAME.test(k), { message: 'is not a valid environment variable name', params: ENV_NAME_RULE }),
    envVar(),
  ).transform((vars): Record<string, EnvVarSchema> => vars);

/** `env:` — `schema: <file>` and/or variables inline (also accepted under `vars:`). */
export const envSection = (ctx: SchemaContext) =>
  z.object({ schema: fsPath(ctx).optional(), vars: envVarsMap().optional() })
    .catchall(envVar())
    .transform(({ schema, vars, ...inline }, c) => {
      for (const name of Object.keys(inline)) {
        if (!ENV_NAME.test(name)) {
          fail(c, { ...ENV_NAME_RULE, path: [name], message: `"${name}" is not a valid environment variable name` });
        }
      }
      return { ...(schema ? { schema } : {}), vars: { ...(vars ?? {}), ...(inline as Record<string, EnvVarSchema>) } };
    });

/** The whole file. `file`, `dir` and `repo` of the result are absolute. */
export function createConfigSchema(ctx: ConfigSchemaContext) {
  return z.strictObject({
    project: text(),
    repo: fsPath(ctx).optional(),
    network: networkSection(ctx).prefault({}),
    environments: z.record(z.string().min(1), environment(ctx)).default({}),
    env: envSection(ctx).optional(),
    email: emailSection().optional(),
    api: apiSection().optional(),
    pages: z.array(url()).default([]),
    migrations: z.strictObject({ dir: fsPath(ctx), dialect: z.enum(['postgres', 'mysql', 'sqlite']) }).optional(),
    database: z.strictObject({ url: text() }).optional(),
    monitors: monitorsSection().optional(),
    alerts: alertsSection().optional(),
    assistant: assistantSection().optional(),
    smoke: smokeSection(),
    audit: auditSection().prefault({}),
    ownership: ownershipSection(ctx).optional(),
    baseline: baselineSection().optional(),
  }).transform(({ project, repo, ...sections }): LaunchConfig => ({
    project,
    file: ctx.file,
    dir: ctx.dir,
    repo: repo ?? resolve(ctx.dir),
    ...sections,
  }));
}

/** The schema's output type, which is exactly the shared contract. */
export type ConfigSchema = ReturnType<typeof createConfigSchema>;
