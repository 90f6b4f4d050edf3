/**
 * https.mixed-content: key pages load nothing over plain HTTP. Each page is fetched through the
 * shared redirect chain (the final answer is what the browser renders), parsed with the HTML
 * engine, and every `http://` subresource is listed, graded by whether browsers block it.
 */
import { createCheck } from '../../core/create-check.js';
import { extractSubresources } from '../../engines/html/index.js';
import { formatChain, schemeOf } from '../../engines/redirects/chain.js';

import { mapLimit } from '../../core/map-limit.js';
import { isHtmlResponse, judgeMixedContent, keyPages, mediaType } from '../../engines/https/mixed-content.js';

export { hasUpgradeInsecureRequests, isBlockable, isHtmlResponse, isInsecureUrl, judgeMixedContent, keyPages } from '../../engines/https/mixed-content.js';

/** Characters parsed per page: the HTTP client's default body cap (5 MiB), which the probe already enforces on bytes. */
const PARSE_CAP_CHARS = 5 * 1024 * 1024;

const headerList = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export default createCheck({
  meta: {
    id: 'https.mixed-content',
    stage: 1,
    title: 'No mixed content on key pages',
    defaultSeverity: 'high',
    targetKind: 'url',
    needs: [],
  },
  messages: {
    mixedContent: '{{target}} loads {{count}} subresource(s) over plain HTTP ({{active}} active)',
  },
  remediation: {
    mixedContent:
      'Reference every script, stylesheet, image, frame and form target over https:// (or relatively: `/static/app.js`, `//cdn.example.com/w.js`); check the third party serves HTTPS. As a safety net send `Content-Security-Policy: upgrade-insecure-requests` (nginx: `add_header Content-Security-Policy "upgrade-insecure-requests" always;`), which makes browsers fetch the remaining http:// URLs over HTTPS.',
  },
  async run(ctx) {
    const pages = keyPages(ctx.config, ctx.targets);
    const chains = await mapLimit(pages, ctx.config.network.concurrency, (p) => ctx.probes.redirects(p));
    pages.forEach((page, i) => {
      const chain = chains[i];
      const final = chain.final;
      if (chain.error || !final) {
        return ctx.error(page, chain.error ?? { code: 'NO_RESPONSE', message: `no response from ${page}` }, { chain: formatChain(chain) });
      }
      const finalUrl = chain.hops[chain.hops.length - 1]?.url ?? page;
      if (schemeOf(finalUrl) !== 'https:') {
        return ctx.skip(page, `ends on plain HTTP (${finalUrl}): mixed content applies to HTTPS pages, see redirect.https`);
      }
      if (!isHtmlResponse(final)) {
        return ctx.skip(page, `${finalUrl} answers ${mediaType(final.headers) ?? 'an unknown type'}, not HTML`);
      }
      const doc = extractSubresources(final.body.toString('utf8'), finalUrl, { maxChars: PARSE_CAP_CHARS });
      const verdict = judgeMixedContent({
        subresources: doc.subresources,
        csp: { header: headerList(final.headers['content-security-policy']), meta: doc.metaCsp },
      });
      const evidence = {
        page,
        finalUrl,
        status: final.status,
        ...(doc.truncated ? { note: `only the first ${PARSE_CAP_CHARS} characters were parsed` } : {}),
        ...verdict.evidence,
      };
      if (verdict.ok) return ctx.pass(page, { evidence });
      ctx.fail({ target: page, messageId: 'mixedContent', severity: verdict.severity, evidence });
    });
  },
});
