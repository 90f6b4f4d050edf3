/**
 * Trimmed copies of the `<head>` and body edges of real-world page shapes, with their vendors'
 * published embed snippets: what the script inventory meets outside the lab. Hosts are the
 * vendors' real ones; the product's own hosts are example.com-style names.
 */

/** WordPress with a theme: same-site jQuery in <head>, Google Fonts, gtag async, a CDN bundle at the end of <body>. */
export const WORDPRESS = `<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Blog &#8211; Example Bakery</title>
<link rel='stylesheet' id='wp-block-library-css' href='https://www.examplebakery.com/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2' media='all' />
<link rel='stylesheet' id='google-fonts-css' href='https://fonts.googleapis.com/css2?family=Lora:wght@400;700&#038;display=swap' media='all' />
<script src="https://www.examplebakery.com/wp-includes/js/jquery/jquery.min.js?ver=3.7.1" id="jquery-core-js"></script>
<script src="https://www.examplebakery.com/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1" id="jquery-migrate-js"></script>
<!-- Google tag (gtag.js) -->
<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123XYZ"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){dataLayer.push(arguments);}
  gtag('js', new Date());
  gtag('config', 'G-ABC123XYZ');
</script>
</head>
<body class="home blog">
<div id="page" class="site"><header id="masthead"><h1>Example Bakery</h1></header>
<main id="primary"><article><h2>Sourdough basics</h2><p>Flour, water, salt.</p></article></main></div>
<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="sha384-YvpcrYf0tY3lHB60NNkmXc5s9fDVZLESaAA55NDzOxhy9GkcIdslK1eN7N6jIeHz" crossorigin="anonymous"></script>
</body>
</html>`;

/** OneTrust's cookie-banner loader, which its docs ask to be the first, synchronous script in <head>. */
export const ONETRUST = `<!doctype html><html><head>
<!-- OneTrust Cookies Consent Notice start for example.com -->
<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js"  type="text/javascript" charset="UTF-8" data-domain-script="0190aaaa-bbbb-7ccc-8ddd-eeeeffff0000" ></script>
<script type="text/javascript">
function OptanonWrapper() { }
</script>
<!-- OneTrust Cookies Consent Notice end for example.com -->
<link rel="stylesheet" href="/static/site.css">
<title>Example</title>
</head><body><h1>Welcome</h1></body></html>`;

/** A Next.js build: nomodule polyfills, deferred chunks, a JSON data block, an async Intercom loader. */
export const NEXTJS = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width"/>
<title>Dashboard | Example</title>
<link rel="preload" href="/_next/static/css/8f2a1b.css" as="style"/><link rel="stylesheet" href="/_next/static/css/8f2a1b.css" data-n-g=""/>
<noscript data-n-css=""></noscript>
<script defer="" nomodule="" src="/_next/static/chunks/polyfills-c67a75d1b6f99dc8.js"></script>
<script src="/_next/static/chunks/webpack-59c5c889f52620d6.js" defer=""></script>
<script src="/_next/static/chunks/framework-ca706bf673a13738.js" defer=""></script>
<script src="/_next/static/chunks/main-8c8a8c8a8c8a8c8a.js" defer=""></script>
</head><body><div id="__next"><h1>Dashboard</h1></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/","query":{},"buildId":"abc"}</script>
<script>window.intercomSettings = { api_base: "https://api-iam.intercom.io", app_id: "abc123" };</script>
<script async src="https://widget.intercom.io/widget/abc123"></script>
</body></html>`;

/** A Vite single-page app: a module entry, a modulepreload, a print stylesheet loaded lazily. */
export const VITE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <link rel="icon" type="image/svg+xml" href="/vite.svg" />
    <title>Ops console</title>
    <script type="module" crossorigin src="/assets/index-BzD1k3xQ.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/vendor-Cq2lP9aM.js">
    <link rel="stylesheet" crossorigin href="/assets/index-D8f1pQ2e.css">
    <link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/print.css" media="print" onload="this.media='all'">
  </head>
  <body>
    <div id="app"></div>
  </body>
</html>`;

/** A Shopify theme on a custom domain: the platform's CDN serves the theme's blocking jQuery. */
export const SHOPIFY = `<!doctype html>
<html class="no-js" lang="en">
<head>
  <meta charset="utf-8">
  <link rel="preconnect" href="https://cdn.shopify.com" crossorigin>
  <title>Example Goods</title>
  <script src="//cdn.shopify.com/s/files/1/0000/0001/t/2/assets/jquery.min.js?v=1234"></script>
  <script src="//shop.examplegoods.com/cdn/shop/t/2/assets/theme.js?v=99" defer="defer"></script>
  <script type="text/javascript" id="hs-script-loader" async defer src="//js.hs-scripts.com/1234567.js"></script>
  <script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization"}</script>
</head>
<body><h1>Example Goods</h1></body>
</html>`;
