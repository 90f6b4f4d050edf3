/**
 * The browser runner: the one way a check drives a real browser (Lighthouse in headless
 * Chromium). Injected through `Effects.browser`, so the browser reaches hosts only where the
 * run's DNS client and network overrides say.
 */

/** Where the browser binary is, or why there is none (the check then skips with the reason). */
export type BrowserLocation = { ok: true; path: string } | { ok: false; reason: string };

export interface LighthouseRequest {
  /** The page to audit. */
  url: string;
  /**
   * Other hosts the page loads from (redirect hops, subresources). They resolve through the run's
   * DNS client like the page's own host; with a private resolver every other name fails fast.
   */
  hosts?: readonly string[];
  /** Bound of the whole run: launch, load, trace, audits. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface LighthouseRun {
  /** Lighthouse's result object (LHR) as it came; `engines/lighthouse` reads it defensively. */
  lhr: unknown;
  /** The browser that ran it. */
  browserPath: string;
  /** Wall-clock time of the run, launch and clean-up included. */
  durationMs: number;
}

export type BrowserErrorCode = 'NO_BROWSER' | 'LAUNCH' | 'TIMEOUT' | 'ABORTED' | 'LIGHTHOUSE';

export class BrowserError extends Error {
  constructor(readonly code: BrowserErrorCode, message: string) {
    super(message);
    this.name = 'BrowserError';
  }
}

export interface BrowserRunner {
  /** Finds the browser (memoised); never throws. */
  locate(): Promise<BrowserLocation>;
  /**
   * One Lighthouse run (mobile, performance only) in a fresh browser with a fresh profile, which
   * is killed and removed afterwards whatever happens. Runs are serialised: concurrent audits on
   * one machine skew each other's CPU timings. Throws BrowserError.
   */
  lighthouse(req: LighthouseRequest): Promise<LighthouseRun>;
}
