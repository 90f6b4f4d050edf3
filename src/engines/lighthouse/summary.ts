/**
 * Reads a Lighthouse result (LHR, schema of Lighthouse 10–12) into the few numbers a launch
 * decision needs: the performance score, the five lab metrics that make it up (FCP, LCP, TBT,
 * CLS, Speed Index — https://developer.chrome.com/docs/lighthouse/performance/performance-scoring)
 * and the opportunities with the largest estimated savings. The LHR is outside data: every field
 * is read defensively, and a missing one stays undefined rather than becoming 0.
 */

export interface LighthouseMetrics {
  fcpMs?: number;
  lcpMs?: number;
  tbtMs?: number;
  cls?: number;
  siMs?: number;
}

export interface LighthouseOpportunity {
  id: string;
  title: string;
  /** Estimated time saved on the page's load metrics (the larger of LCP and FCP savings). */
  savingsMs: number;
  savingsBytes?: number;
}

export interface LighthouseSummary {
  /** Performance category score, 0–100; null when Lighthouse could not compute it. */
  score: number | null;
  metrics: LighthouseMetrics;
  /** Best first, at most `topOpportunities`. */
  opportunities: LighthouseOpportunity[];
  /** Set when the page could not be audited at all (`ERRORED_DOCUMENT_REQUEST`, `NO_FCP` …). */
  runtimeError?: { code: string; message: string };
  warnings: string[];
  /** Audits that crashed inside Lighthouse (they do not count towards the score's metrics). */
  auditErrors: string[];
  finalUrl?: string;
  lighthouseVersion?: string;
  formFactor?: string;
}

const METRIC_AUDITS: Record<keyof LighthouseMetrics, string> = {
  fcpMs: 'first-contentful-paint',
  lcpMs: 'largest-contentful-paint',
  tbtMs: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  siMs: 'speed-index',
};

/** Audits Lighthouse shows as failed below this score (its "pass" threshold is 0.9). */
const PASSING_AUDIT_SCORE = 0.9;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function metricValue(audits: Obj, key: keyof LighthouseMetrics): number | undefined {
  const audit = audits[METRIC_AUDITS[key]];
  const value = isObj(audit) ? num(audit.numericValue) : undefined;
  if (value === undefined) return undefined;
  return key === 'cls' ? Math.round(value * 1000) / 1000 : Math.round(value);
}

/** The estimated load-time saving of one audit: `overallSavingsMs`, else its LCP/FCP savings. */
function savingsOf(audit: Obj): { ms: number; bytes?: number } {
  const details = isObj(audit.details) ? audit.details : {};
  const metric = isObj(audit.metricSavings) ? audit.metricSavings : {};
  const ms = Math.max(num(details.overallSavingsMs) ?? 0, num(metric.LCP) ?? 0, num(metric.FCP) ?? 0);
  const bytes = num(details.overallSavingsBytes);
  return { ms: Math.round(ms), ...(bytes ? { bytes: Math.round(bytes) } : {}) };
}

function opportunities(audits: Obj, ids: readonly string[], top: number): LighthouseOpportunity[] {
  const found: LighthouseOpportunity[] = [];
  for (const id of ids) {
    const audit = audits[id];
    if (!isObj(audit)) continue;
    const score = num(audit.score);
    const mode = str(audit.scoreDisplayMode);
    // Informative, manual, not-applicable and crashed audits are not advice about this page.
    if (score === undefined || score >= PASSING_AUDIT_SCORE || (mode !== 'metricSavings' && mode !== 'numeric' && mode !== 'binary')) continue;
    if (Object.values(METRIC_AUDITS).includes(id)) continue;
    const savings = savingsOf(audit);
    if (savings.ms <= 0 && !savings.bytes) continue;
    found.push({ id, title: str(audit.title) ?? id, savingsMs: savings.ms, ...(savings.bytes ? { savingsBytes: savings.bytes } : {}) });
  }
  return found
    .sort((a, b) => b.savingsMs - a.savingsMs || (b.savingsBytes ?? 0) - (a.savingsBytes ?? 0) || a.id.localeCompare(b.id))
    .slice(0, top);
}

/** Summarises one LHR; `topOpportunities` (default 3) bounds the advice listed. */
export function summariseLighthouse(lhr: unknown, opts: { topOpportunities?: number } = {}): LighthouseSummary {
  const root = isObj(lhr) ? lhr : {};
  const audits = isObj(root.audits) ? root.audits : {};
  const categories = isObj(root.categories) ? root.categories : {};
  const performance = isObj(categories.performance) ? categories.performance : {};
  const refs = Array.isArray(performance.auditRefs) ? performance.auditRefs : [];
  const refIds = refs.map((r) => (isObj(r) ? str(r.id) : undefined)).filter((id): id is string => id !== undefined);
  const rawScore = num(performance.score);
  const runtime = isObj(root.runtimeError) ? root.runtimeError : undefined;
  const settings = isObj(root.configSettings) ? root.configSettings : {};

  const metrics: LighthouseMetrics = {};
  for (const key of Object.keys(METRIC_AUDITS) as (keyof LighthouseMetrics)[]) {
    const value = metricValue(audits, key);
    if (value !== undefined) metrics[key] = value;
  }
  const auditErrors = refIds.filter((id) => isObj(audits[id]) && (audits[id] as Obj).scoreDisplayMode === 'error');
  const finalUrl = str(root.finalDisplayedUrl) ?? str(root.finalUrl);
  return {
    score: rawScore === undefined ? null : Math.round(rawScore * 100),
    metrics,
    opportunities: opportunities(audits, refIds, opts.topOpportunities ?? 3),
    ...(runtime ? { runtimeError: { code: str(runtime.code) ?? 'UNKNOWN', message: str(runtime.message) ?? 'Lighthouse could not audit the page' } } : {}),
    warnings: Array.isArray(root.runWarnings) ? root.runWarnings.filter((w): w is string => typeof w === 'string') : [],
    auditErrors,
    ...(finalUrl ? { finalUrl } : {}),
    ...(str(root.lighthouseVersion) ? { lighthouseVersion: str(root.lighthouseVersion) } : {}),
    ...(str(settings.formFactor) ? { formFactor: str(settings.formFactor) } : {}),
  };
}
