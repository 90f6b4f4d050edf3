/**
 * The per-domain email audit behind `launchready email <domain>`: the config narrowed to one
 * mail domain, the `email.*` checks of the registry, one AuditRun (the audit's JSON shape).
 * `email.test-send` runs only when a test recipient is given: it sends a real message.
 */
import type { EmailDomainConfig, EmailSection, LaunchConfig } from '../config/types.js';
import type { Clock } from '../context/types.js';
import type { AuditRun, Check, CheckResult } from '../core/types.js';
import { runAudit } from './audit.js';

export const TEST_SEND_ID = 'email.test-send';

export interface EmailOverrides {
  /** DKIM selectors to check strictly (replace the config's for this domain). */
  selectors?: string[];
  receivesMail?: boolean;
  /** Recipient of the test message (`--send-test`); turns `email.test-send` on. */
  sendTest?: string;
  /** Relay URL and sender, on top of `email.smtp`. */
  smtpUrl?: string;
  from?: string;
}

/** Lower case, no trailing dot: how domains compare. */
export function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/\.$/, '');
}

/** Whether `domain` is a plausible mail domain (two or more labels of letters, digits, hyphens). */
export function isMailDomain(domain: string): boolean {
  const d = normalizeDomain(domain);
  return d.length <= 253 && /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/.test(d);
}

/**
 * The config with `email.domains` narrowed to `domain` — its own entry when the config lists
 * it (selectors, receives_mail kept), else a new one — and the overrides applied. Frozen.
 */
export function narrowToDomain(config: LaunchConfig, domain: string, o: EmailOverrides = {}): LaunchConfig {
  const name = normalizeDomain(domain);
  const listed = config.email?.domains.find((d) => normalizeDomain(d.name) === name);
  const entry: EmailDomainConfig = {
    ...(listed ?? {}),
    name,
    ...(o.selectors ? { dkim_selectors: o.selectors } : {}),
    ...(o.receivesMail !== undefined ? { receives_mail: o.receivesMail } : {}),
  };
  const base = config.email?.smtp;
  const url = o.smtpUrl ?? base?.url;
  const smtp: EmailSection['smtp'] = url
    ? {
        url,
        ...((o.from ?? base?.from) ? { from: o.from ?? base?.from } : {}),
        ...((o.sendTest ?? base?.seed_inbox) ? { seed_inbox: o.sendTest ?? base?.seed_inbox } : {}),
      }
    : undefined;
  const email: EmailSection = { domains: [Object.freeze(entry)], ...(smtp ? { smtp: Object.freeze(smtp) } : {}) };
  return Object.freeze({ ...config, email: Object.freeze(email) });
}

/** The registry's email checks; the test send only when asked for. */
export function selectEmailChecks(all: readonly Check[], opts: { sendTest?: boolean } = {}): Check[] {
  return all.filter((c) => c.meta.id.startsWith('email.') && (opts.sendTest || c.meta.id !== TEST_SEND_ID));
}

export interface EmailAuditOptions {
  config: LaunchConfig;
  domain: string;
  /** The registry to pick `email.*` checks from. */
  checks: readonly Check[];
  overrides?: EmailOverrides;
  secrets?: string[];
  clock?: Clock;
  verbose?: boolean;
  onCheckDone?: (check: Check, results: CheckResult[]) => void;
}

/** Runs every email check for one domain. */
export async function runEmailAudit(opts: EmailAuditOptions): Promise<AuditRun> {
  const config = narrowToDomain(opts.config, opts.domain, opts.overrides);
  const checks = selectEmailChecks(opts.checks, { sendTest: opts.overrides?.sendTest !== undefined });
  return runAudit({
    config, checks, secrets: opts.secrets, clock: opts.clock, verbose: opts.verbose, onCheckDone: opts.onCheckDone, facts: false,
  });
}
