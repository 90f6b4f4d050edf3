/**
 * Web page engine: which scripts and stylesheets a page loads, from which party, whether they hold
 * up the first paint, and how big they are. Knows nothing of checks: `web.third-party` judges its
 * inventory and the baseline report asks it for `blockingScriptHints`.
 */
export * from './hints.js';
export * from './inventory.js';
export * from './key-page.js';
export * from './page-scripts.js';
export * from './party.js';
