import { describe, expect, it } from 'vitest';
import { sameSiteAssets, siteOf } from './page-assets.js';

const PAGE = `<!doctype html><html><head>
<link rel="stylesheet" href="/assets/app.8d2e11f0.css">
<link rel="preload" as="script" href="https://static.acme.test/js/vendor-CqY6vSoq.js">
<link rel="modulepreload" href="/assets/index-BFy7uH5Y.js">
<link rel="icon" href="/favicon.ico">
<script src="/assets/app.3f9a1c2b.js" defer></script>
<script src="https://cdn.widgets.test/widget.js" async></script>
<script src="/assets/app.3f9a1c2b.js#again"></script>
<script>inline()</script>
</head><body><img src="/logo.png"><script src="/js/analytics.js"></script></body></html>`;

describe('sameSiteAssets', () => {
  it('lists same-site scripts and stylesheets once, with their fingerprints', () => {
    expect(sameSiteAssets(PAGE, 'https://app.acme.test/tasks')).toEqual([
      { url: 'https://app.acme.test/assets/app.8d2e11f0.css', kind: 'stylesheet', fingerprint: '8d2e11f0' },
      { url: 'https://static.acme.test/js/vendor-CqY6vSoq.js', kind: 'script', fingerprint: 'CqY6vSoq' },
      { url: 'https://app.acme.test/assets/index-BFy7uH5Y.js', kind: 'script', fingerprint: 'BFy7uH5Y' },
      { url: 'https://app.acme.test/assets/app.3f9a1c2b.js', kind: 'script', fingerprint: '3f9a1c2b' },
      { url: 'https://app.acme.test/js/analytics.js', kind: 'script' },
    ]);
  });

  it('stops at max', () => {
    expect(sameSiteAssets(PAGE, 'https://app.acme.test/', { max: 2 })).toHaveLength(2);
  });
});

describe('siteOf', () => {
  it.each([['app.acme.test', 'acme.test'], ['www.example.co.uk', 'example.co.uk'], ['Static.Example.com.', 'example.com'], ['localhost', 'localhost']])(
    '%s → %s', (host, want) => expect(siteOf(host)).toBe(want),
  );
});
