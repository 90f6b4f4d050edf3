import { describe, expect, it } from 'vitest';
import { fingerprintOf, looksLikeHash } from './fingerprint.js';

describe('fingerprintOf', () => {
  it.each([
    // the lab
    ['https://app.acme.test/assets/app.3f9a1c2b.js', '3f9a1c2b'],
    ['/static/app.3f9a1c.css', '3f9a1c'],
    // webpack / CRA / Angular / Parcel (hex)
    ['/static/js/main.3b1c9f0d.chunk.js', '3b1c9f0d'],
    ['/main.8a1b3c4d5e6f7a8b.js', '8a1b3c4d5e6f7a8b'],
    ['/index.4f3e2a1b.js', '4f3e2a1b'],
    // Next.js
    ['/_next/static/chunks/framework-2c79e2a64abdb08b.js', '2c79e2a64abdb08b'],
    ['/_next/static/css/a1b2c3d4e5f6a7b8.css', 'a1b2c3d4e5f6a7b8'],
    ['/_next/static/chunks/main-app-5e4f8a1b2c3d4e5f.js', '5e4f8a1b2c3d4e5f'],
    // Gatsby
    ['/app-3f9a1c2b4d5e6f7a8b9c.js', '3f9a1c2b4d5e6f7a8b9c'],
    // Vite / Rollup / Astro / SvelteKit (base64url)
    ['/assets/index-BFy7uH5Y.js', 'BFy7uH5Y'],
    ['/assets/vendor-CqY6vSoq.js', 'CqY6vSoq'],
    ['/assets/index-D2mZ9bL_.css', 'D2mZ9bL_'],
    ['/assets/index-Dq-8hI_a.js', 'Dq-8hI_a'],
    ['/_astro/index.BFy7uH5Y.css', 'BFy7uH5Y'],
    ['/_app/immutable/entry/start.DlKwBqHs.js', 'DlKwBqHs'],
    // esbuild / Remix (base32)
    ['/build/_shared/chunk-5QXZ2KQW.js', '5QXZ2KQW'],
    ['/build/entry.client-ABCD2345.js', 'ABCD2345'],
    // Rails Propshaft / Sprockets, Hugo
    ['/assets/application-6b2f8c1a.css', '6b2f8c1a'],
    ['/assets/application-0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0.js', '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0'],
    ['/css/main.min.7c3e9f1a2b4d6e8f.css', '7c3e9f1a2b4d6e8f'],
  ])('%s → %s', (url, want) => expect(fingerprintOf(url)).toBe(want));

  it.each([
    '/app.js', '/static/main.css', '/js/jquery-3.7.1.min.js', '/js/bootstrap4.bundle.js', '/vendors.js', '/polyfills-legacy.js',
    '/js/analytics.js', '/css/mainPage.css', '/js/es2015-polyfills.js', '/js/chunk123.js', '/assets/logo', '/js/app.js?v=3f9a1c2b',
    '/js/theme-v20240101.js', '/js/deadbeef.js', '/fonts/Inter-Regular.woff2', '/js/facade.js',
  ])('%s is not fingerprinted', (url) => expect(fingerprintOf(url)).toBeUndefined());
});

describe('looksLikeHash', () => {
  it.each([['3f9a1c2b', true], ['abcdefab', false], ['12345678', true], ['BFy7uH5Y', true], ['mainPage', false], ['bootstrap4', false], ['5QXZ2KQW', true], ['a8k2m9x1', true], ['chunk', false]])(
    '%s → %s', (t, want) => expect(looksLikeHash(t)).toBe(want),
  );
});
