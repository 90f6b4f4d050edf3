/**
 * web.lighthouse: each key page scores at least 80 in Lighthouse's mobile performance category
 * (default config: Moto G Power-class device, simulated slow 4G and 4× CPU slowdown). Runs one
 * page at a time in a fresh headless Chromium through `ctx.browser`; skips with the reason where
 * no browser is installed. Evidence: the score, the five metrics behind it and the opportunities
 * with the largest estimated savings.
 */
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';
import { extractSubresources } from '../../engines/html/index.js';
import { keyPages } from '../../engines/https/mixed-content.js';
import { summariseLighthouse, type LighthouseSummary } from '../../engines/lighthouse/index.js';
import { hostOfUrl, loadKeyPage } from '../../engines/web/index.js';

/** The bar of checks.md: "Lighthouse mobile performance score ≥ 80". */
export const MIN_SCORE = 80;
/** One page's run at most: launch, load (Lighthouse waits up to 45 s for it), trace, audits. */
export const RUN_TIMEOUT_MS = 90_000;
/** Hosts handed to the browser per page at most (the page's own, redirects, subresources). */
const MAX_HOSTS = 40;

export type LighthouseVerdict =
  | { ok: true; evidence: Evidence }
  | { ok: false; evidence: Evidence }
  /** Lighthouse ran but could not measure the page. */
  | { ok: 'error'; error: { code: string; message: string }; evidence: Evidence };

/** Pure verdict on one summary: a score, then at least `minimum`. */
export function judgeLighthouse(s: LighthouseSummary, minimum = MIN_SCORE): LighthouseVerdict {
  const evidence: Evidence = {
    score: s.score,
    minimum,
    formFactor: s.formFactor ?? 'mobile',
    metrics: s.metrics,
    opportunities: s.opportunities,
    ...(s.lighthouseVersion ? { lighthouseVersion: s.lighthouseVersion } : {}),
    ...(s.finalUrl ? { finalUrl: s.finalUrl } : {}),
    ...(s.warnings.length ? { warnings: s.warnings.slice(0, 5) } : {}),
    // Audits that crashed inside Lighthouse, so a reader knows why some advice may be missing.
    ...(s.auditErrors.length ? { auditErrors: s.auditErrors } : {}),
  };
  if (s.runtimeError) return { ok: 'error', error: s.runtimeError, evidence };
  if (s.score === null) return { ok: 'error', error: { code: 'NO_SCORE', message: 'Lighthouse computed no performance score' }, evidence };
  return { ok: s.score >= minimum, evidence };
}

/** Every host the browser must reach for the page: the redirect chain's and the subresources'. */
export function hostsToMap(chainHosts: readonly string[], html: string, pageUrl: string): string[] {
  const hosts = new Set(chainHosts);
  for (const s of extractSubresources(html, pageUrl).subresources) {
    const host = hostOfUrl(s.url);
    if (host && s.kind !== 'form') hosts.add(host);
  }
  return [...hosts].slice(0, MAX_HOSTS);
}

export default createCheck({
  meta: {
    id: 'web.lighthouse',
    stage: 3,
    title: 'Lighthouse mobile performance on key screens',
    defaultSeverity: 'medium',
    targetKind: 'url',
    needs: [],
    // A browser per key page, one page at a time: ~10–15 s each on a busy 2-core machine.
    timeoutMs: 10 * 60_000,
  },
  messages: {
    lowScore: 'Lighthouse mobile performance score of {{target}} is {{score}} (minimum {{minimum}})',
  },
  remediation: {
    lowScore:
      'Start with the opportunities listed in the evidence. The usual culprits on a slow first paint: scripts that block rendering (add `async`/`defer`, see web.third-party), a slow first server response (cache HTML at the edge), large uncompressed bundles (gzip or brotli, code splitting), and unsized images or late-injected banners (layout shift). Re-run `npx lighthouse <url> --only-categories=performance` locally to compare.',
  },
  async run(ctx) {
    const pages = keyPages(ctx.config, ctx.targets);
    if (!ctx.browser) {
      for (const page of pages) ctx.skip(page, 'this run has no browser to drive');
      return;
    }
    const where = await ctx.browser.locate();
    if (!where.ok) {
      for (const page of pages) ctx.skip(page, `Lighthouse needs Chromium: ${where.reason}`);
      return;
    }
    // One page at a time: parallel runs on one machine slow each other's simulated CPU timings.
    for (const page of pages) {
      if (ctx.signal.aborted) return;
      const got = await loadKeyPage(ctx.probes, page);
      if (got.status === 'error') {
        ctx.error(page, got.error, { chain: got.chain });
        continue;
      }
      if (got.status === 'skip') {
        ctx.skip(page, got.reason);
        continue;
      }
      let run;
      try {
        run = await ctx.browser.lighthouse({
          url: page, hosts: hostsToMap(got.chainHosts, got.html, got.finalUrl), timeoutMs: RUN_TIMEOUT_MS, signal: ctx.signal,
        });
      } catch (err) {
        ctx.error(page, err);
        continue;
      }
      const verdict = judgeLighthouse(summariseLighthouse(run.lhr));
      const evidence: Evidence = { ...verdict.evidence, runMs: run.durationMs };
      if (verdict.ok === 'error') ctx.error(page, verdict.error, evidence);
      else if (verdict.ok) ctx.pass(page, { message: `${page}: Lighthouse mobile performance ${String(evidence.score)}`, evidence });
      else ctx.fail({ target: page, messageId: 'lowScore', evidence });
    }
  },
});
