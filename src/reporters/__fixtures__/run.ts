/**
 * One fixed AuditRun that every reporter golden file is rendered from. It holds every status,
 * every severity, evidence with expected/actual and a redirect chain, a file target, text that
 * needs escaping (`<script>`, `&`, quotes, control characters) and facts for two environments.
 */
import { docsLink } from '../../core/create-check.js';
import { fingerprint } from '../../core/fingerprint.js';
import { sortResults, summarize } from '../../core/processors.js';
import type { AuditRun, CheckMeta, CheckResult, Evidence, RunFacts, Severity, Status } from '../../core/types.js';
import type { RuleSource } from '../sarif.js';

interface Row {
  check: string;
  stage: number;
  title: string;
  target: string;
  status: Status;
  severity?: Severity;
  messageId?: string;
  message: string;
  evidence?: Evidence;
  remediation?: string;
}

const result = (r: Row): CheckResult => ({
  ...r,
  docs: docsLink(r.check),
  fingerprint: fingerprint(r.check, r.target, r.messageId ?? r.status),
});

/** Planted in a message: every HTML-ish format must show it as text. */
export const PLANTED_SCRIPT = '<script>alert("pwned")</script>';
/** Planted in evidence: BEL and an ANSI colour sequence from a hostile header value. */
export const PLANTED_CONTROL = 'Acme\u0007\u001b[31mRED';

/** In the order the processors leave them: worst first. */
export const FIXTURE_RESULTS: CheckResult[] = sortResults([
  result({
    check: 'redirect.https', stage: 1, title: 'HTTP redirects to HTTPS', target: 'http://app.acme.test/',
    status: 'fail', severity: 'blocker', messageId: 'noRedirect',
    message: 'http://app.acme.test/ answers 200 over plain HTTP instead of redirecting to HTTPS',
    evidence: { expected: '301 or 308 to https://app.acme.test/', actual: '200 (no redirect)' },
    remediation: 'Redirect every http:// request to https:// with a permanent 301 or 308 at the edge.',
  }),
  result({
    check: 'secrets.working-tree', stage: 1, title: 'No credentials in the working tree', target: 'src/app.ts:12',
    status: 'fail', severity: 'blocker', messageId: 'found',
    message: 'An AWS access key id in src/app.ts:12',
    evidence: { rule: 'aws-access-key-id', redacted: 'AKIA…[redacted sha256:3b5d5c37]', tracked: true },
    remediation: 'Revoke the key, move it to the secret store, and load it from the environment.',
  }),
  result({
    check: 'tls.expiry', stage: 1, title: 'Certificates are far from expiry', target: 'www.acme.test',
    status: 'fail', severity: 'blocker', messageId: 'expired',
    message: 'The certificate of www.acme.test expired 3 days ago',
    evidence: { daysLeft: -3, validTo: '2025-02-26T12:00:00.000Z', issuer: 'Lab ACME (Let\'s Encrypt)' },
    remediation: 'Renew the certificate now and automate renewal (ACME) so it cannot lapse again.',
  }),
  result({
    check: 'https.mixed-content', stage: 1, title: 'No mixed content on key pages', target: 'https://app.acme.test/',
    status: 'fail', severity: 'high', messageId: 'insecureScript',
    message: `https://app.acme.test/ loads a script over http: ${PLANTED_SCRIPT}`,
    evidence: { element: '<script src="http://cdn.widgets.test/w.js">', resources: ['http://cdn.widgets.test/w.js', 'http://img.acme.test/a.png?x=1&y=2'] },
    remediation: 'Load every subresource over https:// (or drop it); add `upgrade-insecure-requests` to the CSP meanwhile.',
  }),
  result({
    check: 'redirect.canonical', stage: 1, title: 'Every variant ends at the canonical origin', target: 'acme.test',
    status: 'fail', severity: 'high', messageId: 'tooManyHops',
    message: 'http://acme.test/x?q=1 takes 3 hops to reach https://app.acme.test/ and drops the path',
    evidence: {
      expected: '≤ 2 hops, path and query kept',
      actual: '3 hops, path dropped',
      chain: ['http://acme.test/x?q=1', 'http://www.acme.test/', 'https://www.acme.test/', 'https://app.acme.test/'],
      status: [302, 301, 302, 200],
    },
    remediation: 'Send every variant straight to https://app.acme.test with one 301 that keeps path and query.',
  }),
  result({
    check: 'https.hsts', stage: 1, title: 'HSTS on every HTTPS host', target: 'api.acme.test',
    status: 'fail', severity: 'medium', messageId: 'shortMaxAge',
    message: 'max-age 300 s is below 15552000 s (6 months)',
    evidence: { expected: 'max-age ≥ 15552000', actual: 'max-age=300', header: 'Strict-Transport-Security: max-age=300' },
    remediation: 'Send `Strict-Transport-Security: max-age=63072000; includeSubDomains` on every HTTPS response.',
  }),
  result({
    check: 'tls.caa', stage: 1, title: 'CAA restricts certificate issuance', target: 'acme.test',
    status: 'fail', severity: 'low', messageId: 'missing',
    message: 'No CAA record for acme.test: any CA may issue for it',
    evidence: { records: [] },
    remediation: 'Publish `acme.test. CAA 0 issue "letsencrypt.org"` for the CA you use.',
  }),
  result({
    check: 'web.third-party', stage: 3, title: 'Third-party scripts on key pages', target: 'https://app.acme.test/tasks',
    status: 'fail', severity: 'info', messageId: 'listed',
    message: '2 third-party scripts: "widgets" & \'tracker\'',
    evidence: {
      scripts: [{ host: 'cdn.widgets.test', bytes: 48213, blocking: true }, { host: 't.tracker.test', bytes: 912, blocking: false }],
      server: PLANTED_CONTROL,
    },
  }),
  result({
    check: 'dns.records-match', stage: 1, title: 'DNS records match the declared targets', target: 'status.acme.test',
    status: 'error', message: 'Could not check: query for status.acme.test A timed out after 5000 ms',
    evidence: { code: 'TIMEOUT', resolver: '127.0.0.1:5353' },
  }),
  result({
    check: 'email.dkim', stage: 2, title: 'DKIM keys published', target: 'Acme & "Ops" <team>',
    status: 'skip', message: 'Not applicable: `email:` is not configured',
  }),
  result({
    check: 'tls.expiry', stage: 1, title: 'Certificates are far from expiry', target: 'api.acme.test',
    status: 'pass', message: 'Certificates are far from expiry: ok',
  }),
  result({
    check: 'redirect.https', stage: 1, title: 'HTTP redirects to HTTPS', target: 'http://api.acme.test/',
    status: 'pass', message: 'HTTP redirects to HTTPS: ok',
  }),
  result({
    check: 'admin.auth-required', stage: 2, title: 'Admin surfaces require authentication', target: 'admin.acme.test',
    status: 'pass', message: 'Admin surfaces require authentication: ok',
  }),
]);

export const FIXTURE_FACTS: RunFacts = {
  environments: [
    {
      name: 'production',
      canonical: 'https://app.acme.test',
      hosts: [
        {
          name: 'acme.test', environment: 'production', addresses: ['127.0.0.1'], cnames: [],
          redirects: [
            { from: 'http://acme.test/', chain: ['http://acme.test/', 'http://www.acme.test/'], final: 'http://www.acme.test/', status: [302, 200] },
            { from: 'https://acme.test/', chain: ['https://acme.test/'], final: 'https://acme.test/', status: [200] },
          ],
          certificate: { issuer: 'Lab ACME (Let\'s Encrypt)', validTo: '2025-05-01T12:00:00.000Z', daysLeft: 60, names: ['acme.test'] },
        },
        {
          name: 'www.acme.test', environment: 'production', addresses: ['127.0.0.1'], cnames: [],
          redirects: [
            { from: 'http://www.acme.test/', chain: ['http://www.acme.test/', 'https://www.acme.test/', 'https://app.acme.test/'], final: 'https://app.acme.test/', status: [301, 302, 200] },
            { from: 'https://www.acme.test/', chain: ['https://www.acme.test/', 'https://app.acme.test/'], final: 'https://app.acme.test/', status: [302, 200] },
          ],
          certificate: { issuer: 'Lab ACME', validTo: '2025-02-26T12:00:00.000Z', daysLeft: -3, names: ['www.acme.test'] },
        },
        {
          name: 'app.acme.test', environment: 'production', role: 'app', addresses: ['127.0.0.1'], cnames: [],
          redirects: [
            { from: 'http://app.acme.test/', chain: ['http://app.acme.test/'], final: 'http://app.acme.test/', status: [200] },
            { from: 'https://app.acme.test/', chain: ['https://app.acme.test/'], final: 'https://app.acme.test/', status: [200] },
          ],
          certificate: { issuer: 'Acme Internal CA', validTo: '2025-03-21T12:00:00.000Z', daysLeft: 20, names: ['app.acme.test'] },
        },
        {
          name: 'api.acme.test', environment: 'production', role: 'api', addresses: ['127.0.0.4'], cnames: ['edge.acme-cdn.test'],
          redirects: [
            { from: 'http://api.acme.test/', chain: ['http://api.acme.test/', 'https://api.acme.test/'], final: 'https://api.acme.test/', status: [301, 200] },
          ],
          certificate: { issuer: 'Lab ACME', validTo: '2025-03-06T12:00:00.000Z', daysLeft: 5, names: ['api.acme.test'] },
        },
        {
          name: 'status.acme.test', environment: 'production', role: 'status', addresses: [], cnames: [], redirects: [],
          error: 'query timed out <5000 ms> & "gave up"',
        },
      ],
    },
    {
      name: 'staging',
      canonical: 'https://staging.acme.test',
      hosts: [
        {
          name: 'staging.acme.test', environment: 'staging', role: 'app', addresses: ['127.0.0.1', '::1'], cnames: [],
          redirects: [
            { from: 'http://staging.acme.test/', chain: ['http://staging.acme.test/', 'https://staging.acme.test/'], final: 'https://staging.acme.test/', status: [308, 200] },
          ],
          certificate: { issuer: 'Lab ACME', validTo: '2025-05-01T12:00:00.000Z', daysLeft: 60, names: ['staging.acme.test'] },
        },
        {
          name: 'old-staging.acme.test', environment: 'staging', role: 'other', addresses: ['127.0.0.2'], cnames: ['old.edge-1.test', 'lb.edge-1.test'],
          redirects: [
            { from: 'http://old-staging.acme.test/', chain: ['http://old-staging.acme.test/', 'https://legacy.example-host.test/'], final: 'https://legacy.example-host.test/', status: [301, 200] },
            { from: 'https://old-staging.acme.test/', chain: ['https://old-staging.acme.test/', 'https://app.acme.test/', 'https://app.acme.test/'], status: [302, 302] },
          ],
        },
      ],
    },
  ],
};

/** The run every golden file is rendered from. */
export const FIXTURE_RUN: AuditRun = {
  tool: { name: 'launchready', version: '0.1.0' },
  project: 'Acme Ops',
  startedAt: '2025-03-01T09:00:00.000Z',
  durationMs: 12345,
  results: FIXTURE_RESULTS,
  summary: summarize(FIXTURE_RESULTS),
  facts: FIXTURE_FACTS,
};

const meta = (id: string, stage: number, title: string, defaultSeverity: Severity, targetKind: CheckMeta['targetKind']): CheckMeta => ({
  id, stage, title, defaultSeverity, targetKind, needs: [],
});

/**
 * Registered checks for the SARIF rules. `web.third-party` and `email.dkim` are left out on
 * purpose: their rules must be derived from the results.
 */
export const FIXTURE_CHECKS: RuleSource[] = [
  { meta: meta('dns.records-match', 1, 'DNS records match the declared targets', 'blocker', 'host'), messages: { mismatch: '{{target}} resolves to {{actual}}' }, remediation: 'Point the record at the declared target.' },
  { meta: meta('redirect.https', 1, 'HTTP redirects to HTTPS', 'blocker', 'url'), messages: { noRedirect: '{{url}} answers over plain HTTP' }, remediation: { noRedirect: 'Redirect http:// to https:// with 301 or 308.' } },
  { meta: meta('redirect.canonical', 1, 'Every variant ends at the canonical origin', 'high', 'host'), messages: { tooManyHops: '{{url}} takes {{hops}} hops' } },
  { meta: meta('tls.expiry', 1, 'Certificates are far from expiry', 'blocker', 'host'), messages: { expired: 'expired', expiresSoon: 'expires in {{daysLeft}} days' } },
  { meta: meta('tls.caa', 1, 'CAA restricts certificate issuance', 'low', 'domain'), messages: { missing: 'No CAA record' } },
  { meta: meta('https.hsts', 1, 'HSTS on every HTTPS host', 'medium', 'host'), messages: { missing: 'No HSTS', shortMaxAge: 'max-age too short' } },
  { meta: meta('https.mixed-content', 1, 'No mixed content on key pages', 'high', 'url'), messages: { insecureScript: 'script over http' } },
  { meta: meta('secrets.working-tree', 1, 'No credentials in the working tree', 'blocker', 'file'), messages: { found: 'credential found' } },
  { meta: meta('admin.auth-required', 2, 'Admin surfaces require authentication', 'blocker', 'host'), messages: { open: 'served anonymously' } },
];
