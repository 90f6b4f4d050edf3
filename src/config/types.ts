/**
 * The validated, frozen shape of `launchready.yml` (see `interface.md`, "The config file").
 * The zod schema in `schema.ts` produces exactly this type; everything downstream reads only this.
 * Durations are already converted to milliseconds.
 */

export type HostRole = 'app' | 'api' | 'admin' | 'marketing' | 'status' | 'other';

export interface HostExpectation {
  a?: string[];
  aaaa?: string[];
  cname?: string;
}

export interface HostConfig {
  name: string;
  role?: HostRole;
  expect?: HostExpectation;
  /** Set when a staging host is allowed to share production's origin. */
  shared_origin?: boolean;
}

export interface EnvironmentConfig {
  canonical?: string;
  hosts: HostConfig[];
  env_file?: string;
}

export interface NetworkConfig {
  /** `host:port` of the only DNS server queried. */
  resolver?: string;
  /** Absolute path of extra trusted roots (PEM). */
  ca?: string;
  ports?: { http?: number; https?: number };
  rdap?: string;
  timeoutMs: number;
  concurrency: number;
}

export type EnvFormat =
  | 'url' | 'email' | 'host' | 'port' | 'integer' | 'number' | 'boolean'
  | 'enum' | 'json' | 'duration' | 'regex' | 'string';

export interface EnvVarSchema {
  format?: EnvFormat;
  enum?: string[];
  pattern?: string;
  min_length?: number;
  secret?: boolean;
  default?: string;
  required?: boolean;
  /** Rotation steps, for `handover.secrets-rotation`. */
  rotation?: string;
}

export interface EnvSection {
  /** Path of a separate schema file (resolved), when given. */
  schema?: string;
  /** Inline variables (and those loaded from `schema`). */
  vars: Record<string, EnvVarSchema>;
}

export interface EmailDomainConfig {
  name: string;
  dkim_selectors?: string[];
  receives_mail?: boolean;
  sends_mail?: boolean;
}

export interface EmailSection {
  domains: EmailDomainConfig[];
  smtp?: { url: string; from?: string; seed_inbox?: string };
}

export interface LoginConfig {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Dotted path of the token in the login answer's JSON. */
  token: string;
}

export interface EndpointConfig {
  name: string;
  method: string;
  path: string;
  kind: 'read' | 'write';
  list?: boolean;
  critical?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
  sensitive?: boolean;
}

export interface ApiSection {
  base: string;
  login?: LoginConfig;
  health?: string;
  admin_paths: string[];
  cors?: { allowed_origins: string[] };
  endpoints: EndpointConfig[];
  sensitive_paths?: string[];
}

export interface MonitorCheckConfig {
  name: string;
  url?: string;
  method?: string;
  heartbeatMs?: number;
  token?: string;
  expect?: { status?: number; p95Ms?: number; body?: string };
}

export interface MonitorsSection {
  intervalMs: number;
  api_token?: string;
  dashboard?: { password_hash?: string };
  checks: MonitorCheckConfig[];
}

export interface AlertChannelConfig {
  name: string;
  type: 'slack' | 'email' | 'webhook' | 'teams' | 'discord' | 'pagerduty';
  url?: string;
  to?: string;
  secret?: string;
}

export interface AlertsSection {
  channels: AlertChannelConfig[];
  rules: {
    error_rate?: { ratio: number; windowMs: number };
    read_p95Ms?: number;
    write_p95Ms?: number;
    confirm?: number;
    min_samples?: number;
  };
  escalation: { afterMs: number; notify: string[] }[];
}

export interface AssistantSection {
  url: string;
  body?: unknown;
  answer?: string;
  headers?: Record<string, string>;
  tenants: { name: string; token: string; canary: string }[];
  escalation_marker?: string;
}

export interface SmokeStep {
  request: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect?: { status?: number; json?: Record<string, unknown>; max_ms?: number; body_contains?: string };
  capture?: Record<string, string>;
}

export interface SmokeFlow {
  name: string;
  steps: SmokeStep[];
}

export interface AuditSection {
  ignore: string[];
  rate_limit_probe: boolean;
  /** Burst size for `edge.rate-limit`, never above 100. */
  rate_limit_burst: number;
  secrets: { allow_paths: string[] };
}

/**
 * `baseline:` — the bounded load `launchready baseline` and the perf checks send to every declared
 * endpoint (docs/baseline.md). Every key is optional; the engine fills in modest defaults.
 */
export interface BaselineSection {
  /** Open-loop requests per second, per endpoint. */
  rate?: number;
  /** Measured requests per endpoint (warm-up excluded). */
  requests?: number;
  /** Warm-up requests per endpoint, sent first and left out of every number. */
  warmup?: number;
  /** Most requests in flight at once, over all endpoints (the open loop's cap). */
  connections?: number;
}

export interface OwnershipSection {
  dns?: { provider?: string; owner?: string };
  access?: Record<string, string[]>;
  log_retentionMs?: number;
  logs?: string[];
  contacts?: string[];
  rollback?: string;
  deploy?: string;
}

export interface LaunchConfig {
  project: string;
  /** Absolute path of the config file (or `<defaults>`). */
  file: string;
  /** Absolute folder of the config file: relative paths resolve against it. */
  dir: string;
  /** Absolute path of the repository to scan. */
  repo: string;
  network: NetworkConfig;
  environments: Record<string, EnvironmentConfig>;
  env?: EnvSection;
  email?: EmailSection;
  api?: ApiSection;
  pages: string[];
  migrations?: { dir: string; dialect: 'postgres' | 'mysql' | 'sqlite' };
  database?: { url: string };
  monitors?: MonitorsSection;
  alerts?: AlertsSection;
  assistant?: AssistantSection;
  smoke: SmokeFlow[];
  audit: AuditSection;
  ownership?: OwnershipSection;
  baseline?: BaselineSection;
}

/** Config sections a check may declare in `meta.needs`. */
export type ConfigSectionName =
  | 'environments' | 'env' | 'email' | 'api' | 'pages' | 'migrations' | 'database'
  | 'monitors' | 'alerts' | 'assistant' | 'smoke' | 'ownership' | 'repo';
