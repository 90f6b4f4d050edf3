/** Lighthouse results: the performance summary a launch decision needs. Pure; no browser here. */
export * from './summary.js';
