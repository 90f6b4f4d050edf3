/**
 * web.third-party: on each key page, the scripts served by other sites, each with its host, size
 * and whether it holds up the first paint. A third-party script that blocks rendering makes the
 * page as slow and as available as that vendor's CDN; it fails (medium). Everything else passes,
 * with the inventory as evidence.
 */
import { createCheck } from '../../core/create-check.js';
import { mapLimit } from '../../core/map-limit.js';
import type { Evidence } from '../../core/types.js';
import { keyPages } from '../../engines/https/mixed-content.js';
import {
  classifyResources, createSizeMeter, findPageResources, firstPartySites, loadKeyPage,
  type ScriptEntry, type ScriptSize, type StylesheetEntry,
} from '../../engines/web/index.js';

/** Bytes read of one script at most: far above any sane bundle, bounded for a hostile host. */
export const SCRIPT_SIZE_CAP = 5 * 1024 * 1024;
/** Scripts listed in evidence at most (the counts say how many there were). */
const MAX_LISTED = 40;

export type MeasuredScript = ScriptEntry & ScriptSize;

export interface ThirdPartyInput {
  /** Every external script of the page, measured where it is third party. */
  scripts: MeasuredScript[];
  stylesheets: StylesheetEntry[];
}

export type ThirdPartyVerdict = { ok: boolean; evidence: Evidence };

/** How one script appears in evidence: what, from where, how big, how it loads. */
function listed(s: MeasuredScript): Evidence {
  return {
    host: s.host,
    url: s.url,
    bytes: s.bytes ?? null,
    ...(s.transferBytes !== undefined && s.transferBytes !== s.bytes ? { transferBytes: s.transferBytes } : {}),
    ...(s.timeMs !== undefined ? { timeMs: s.timeMs } : {}),
    loading: s.loading,
    blocking: s.blocking,
    ...(s.mixedContentBlocked ? { note: 'http:// on an https:// page: the browser refuses it (see https.mixed-content)' } : {}),
    ...(s.error ? { sizeError: s.error } : {}),
  };
}

/**
 * Pure verdict: fails when any third-party script blocks rendering. Stylesheets from other sites
 * (web fonts, widget themes) are listed when they block, but do not fail the check on their own:
 * they are usually small, cached across sites and needed to paint at all.
 */
export function judgeThirdParty(input: ThirdPartyInput): ThirdPartyVerdict {
  const third = input.scripts.filter((s) => s.party === 'third');
  const blocking = third.filter((s) => s.blocking);
  const bytes = third.reduce((sum, s) => sum + (s.bytes ?? 0), 0);
  const blockingStylesheets = input.stylesheets.filter((s) => s.party === 'third' && s.blocking).map((s) => ({ host: s.host, url: s.url }));
  // Blocking scripts first: they are the finding.
  const ordered = [...blocking, ...third.filter((s) => !s.blocking)];
  const evidence: Evidence = {
    expected: 'no third-party script blocks rendering (async, defer or type=module)',
    thirdPartyScripts: third.length,
    blockingCount: blocking.length,
    blockingHosts: [...new Set(blocking.map((s) => s.host))],
    thirdPartyBytes: bytes,
    firstPartyScripts: input.scripts.length - third.length,
    scripts: ordered.slice(0, MAX_LISTED).map(listed),
    ...(third.length > MAX_LISTED ? { more: third.length - MAX_LISTED } : {}),
    ...(blockingStylesheets.length ? { blockingStylesheets } : {}),
  };
  return { ok: blocking.length === 0, evidence };
}

export default createCheck({
  meta: {
    id: 'web.third-party',
    stage: 3,
    title: 'Third-party scripts on key pages',
    defaultSeverity: 'medium',
    targetKind: 'url',
    needs: [],
  },
  messages: {
    blockingScript: '{{target}} waits for {{blockingCount}} third-party script(s) before it renders: {{blockingHosts}}',
  },
  remediation: {
    blockingScript:
      'Load vendor scripts without blocking the first paint: add `async` (independent widgets, analytics) or `defer` (scripts that need the DOM or run in order), or inject them after load or consent (`<script>` created from your own code). Ask the vendor for an async snippet; self-host small libraries. If one must run first, `<link rel="preconnect" href="https://vendor.example">` at least saves the connection time.',
  },
  async run(ctx) {
    const pages = keyPages(ctx.config, ctx.targets);
    const declared = ctx.targets.hosts().map((h) => h.name);
    const measure = createSizeMeter(ctx.http, { timeoutMs: ctx.config.network.timeoutMs, maxBytes: SCRIPT_SIZE_CAP, signal: ctx.signal });
    const loaded = await mapLimit(pages, ctx.config.network.concurrency, (page) => loadKeyPage(ctx.probes, page));
    for (const got of loaded) {
      if (got.status === 'error') {
        ctx.error(got.page, got.error, { chain: got.chain });
        continue;
      }
      if (got.status === 'skip') {
        ctx.skip(got.page, got.reason);
        continue;
      }
      const resources = findPageResources(got.html, got.finalUrl);
      const { scripts, stylesheets } = classifyResources(resources, got.finalUrl, firstPartySites(got.finalUrl, declared));
      // Only third-party scripts the browser would actually fetch are worth a request.
      const sizes = await mapLimit(scripts, ctx.config.network.concurrency, (s): Promise<ScriptSize> =>
        (s.party === 'third' && !s.mixedContentBlocked ? measure(s.url) : Promise.resolve({})));
      const verdict = judgeThirdParty({ scripts: scripts.map((s, i) => ({ ...s, ...sizes[i] })), stylesheets });
      const evidence: Evidence = {
        page: got.page,
        finalUrl: got.finalUrl,
        ...(resources.truncated ? { note: 'only the start of the page was parsed' } : {}),
        ...verdict.evidence,
      };
      if (verdict.ok) {
        const n = evidence.thirdPartyScripts as number;
        ctx.pass(got.page, { message: `${got.page}: ${n} third-party script(s), none blocks rendering`, evidence });
      } else {
        ctx.fail({ target: got.page, messageId: 'blockingScript', evidence });
      }
    }
  },
});
