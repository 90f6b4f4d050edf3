/**
 * The real BrowserRunner: Lighthouse 12 driving headless Chromium through chrome-launcher.
 * Each run gets a fresh browser and a fresh temporary profile, both gone afterwards whatever
 * happened (timeout, abort, crash). Names resolve through the run's DNS client and are handed to
 * Chromium as host-resolver rules; `network.ca` is trusted by public-key hash.
 */
import { constants } from 'node:fs';
import { access, rm } from 'node:fs/promises';
import { chromiumFlags, hostResolverRules, spkiHashes, type HostMapping } from './browser-flags.js';
import { lighthouseInChild } from './lighthouse-child.js';
import { BrowserError, type BrowserLocation, type BrowserRunner, type LighthouseRequest, type LighthouseRun } from './browser-types.js';

export interface BrowserRunnerOptions {
  /** A/AAAA addresses of a name via the run's DNS client. */
  lookup: (host: string) => Promise<string[]>;
  /** `network.ports`. */
  ports?: { http?: number; https?: number };
  /** `network.ca` PEM: its keys are trusted by the browser. */
  ca?: string;
  /** A private resolver is configured: names not mapped must not reach the system resolver. */
  privateResolver?: boolean;
  /**
   * The browser binary. Absent: chrome-launcher's discovery, which honours `CHROME_PATH` and
   * then looks for Chrome and Chromium on the usual paths.
   */
  chromePath?: string;
  /** Test seam: how Lighthouse and chrome-launcher are loaded (default: dynamic import). */
  load?: () => Promise<LighthouseModules>;
}

export interface LaunchedChrome {
  port: number;
  process: { once(event: 'exit', cb: () => void): unknown; exitCode: number | null; signalCode: string | null };
  /** The fresh temporary profile chrome-launcher made for this browser. */
  profile?: string;
  /** SIGKILLs the browser's process group; synchronous, safe to call twice. */
  kill(): void;
}

export interface LighthouseModules {
  /** Runs Lighthouse; `signal` aborts it (the run is over: timeout, cancel or done). */
  lighthouse(url: string, flags: Record<string, unknown>, signal?: AbortSignal): Promise<{ lhr: unknown } | undefined>;
  launch(opts: Record<string, unknown>): Promise<LaunchedChrome>;
  installations(): string[];
}

/** How long Chrome gets to exit after SIGKILL before the profile is removed anyway. */
const EXIT_GRACE_MS = 5_000;
/** Hosts mapped per run at most: a page with hundreds of third parties gets the first ones. */
const MAX_HOSTS = 50;

/** The real modules (exported for tests that wrap them). */
export async function loadLighthouseModules(): Promise<LighthouseModules> {
  // Loaded on first use; Lighthouse itself runs in a child process (lighthouse-child.ts).
  const launcher = await import('chrome-launcher');
  return {
    lighthouse: (url, flags, signal) => lighthouseInChild(url, flags, signal),
    // The Launcher class rather than `launch()`: a browser that starts but never opens its
    // DevTools port is still ours to kill, and no process-wide SIGINT handler calls exit().
    async launch(opts) {
      const instance = new launcher.Launcher(opts);
      const kill = () => {
        try {
          instance.kill();
        } catch {
          // Already gone.
        }
      };
      try {
        await instance.launch();
      } catch (err) {
        kill();
        throw err;
      }
      if (!instance.chromeProcess || !instance.port) {
        kill();
        throw new Error('the browser started without a DevTools port');
      }
      return { port: instance.port, process: instance.chromeProcess, profile: instance.userDataDir, kill };
    },
    installations: () => launcher.Launcher.getInstallations(),
  };
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return undefined;
  }
};

/** Builds the runner; nothing starts until the first `lighthouse()` call. */
export function createBrowserRunner(opts: BrowserRunnerOptions): BrowserRunner {
  const load = opts.load ?? loadLighthouseModules;
  const spki = opts.ca ? spkiHashes(opts.ca) : [];
  let located: Promise<BrowserLocation> | undefined;
  // One run at a time per runner: concurrent audits on one machine skew each other's CPU timings.
  let queue: Promise<unknown> = Promise.resolve();

  const locate = (): Promise<BrowserLocation> => {
    located ??= (async (): Promise<BrowserLocation> => {
      if (opts.chromePath) {
        try {
          await access(opts.chromePath, constants.X_OK);
          return { ok: true, path: opts.chromePath };
        } catch {
          return { ok: false, reason: `the browser at ${opts.chromePath} is missing or not executable` };
        }
      }
      try {
        const found = (await load()).installations()[0];
        return found ? { ok: true, path: found } : { ok: false, reason: 'no Chromium or Chrome found (install chromium or set CHROME_PATH)' };
      } catch {
        return { ok: false, reason: 'no Chromium or Chrome found (install chromium or set CHROME_PATH)' };
      }
    })();
    return located;
  };

  /** Our DNS answers for the page's host and the hosts it loads from, as Chromium rules. */
  const rulesFor = async (req: LighthouseRequest): Promise<string> => {
    const hosts = [...new Set([hostOf(req.url), ...(req.hosts ?? [])].filter((h): h is string => Boolean(h)).map((h) => h.toLowerCase()))].slice(0, MAX_HOSTS);
    const mappings: HostMapping[] = [];
    await Promise.all(hosts.map(async (host) => {
      try {
        const [address] = await opts.lookup(host);
        if (address) mappings.push({ host, address });
      } catch {
        // An unresolvable name stays unmapped: the browser fails it as the page's visitors would.
      }
    }));
    mappings.sort((a, b) => hosts.indexOf(a.host) - hosts.indexOf(b.host));
    return hostResolverRules(mappings, { ports: opts.ports, blockOthers: opts.privateResolver ?? false });
  };

  const runOnce = async (req: LighthouseRequest): Promise<LighthouseRun> => {
    const started = performance.now();
    const where = await locate();
    if (!where.ok) throw new BrowserError('NO_BROWSER', where.reason);
    const modules = await load();
    const hostRules = await rulesFor(req);
    let chrome: LaunchedChrome | undefined;
    let launched: LaunchedChrome | undefined;
    let finished = false;
    const releaseGuard = guardProcess(() => launched?.kill());
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const over = new AbortController();
    // Settles with the reason the run must stop; the run's own promise races it.
    const stop = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new BrowserError('TIMEOUT', `Lighthouse did not finish within ${req.timeoutMs} ms`)), req.timeoutMs);
      onAbort = () => reject(new BrowserError('ABORTED', 'the run was cancelled'));
      if (req.signal?.aborted) onAbort();
      req.signal?.addEventListener('abort', onAbort, { once: true });
    });
    stop.catch(() => undefined);
    try {
      const launching = modules.launch({
        chromePath: where.path,
        chromeFlags: chromiumFlags({ hostRules, spki }),
        // No userDataDir: chrome-launcher makes a fresh temporary profile and removes it on kill.
        logLevel: 'silent',
        // 10 s of polling for the DevTools port, bounded by the run's deadline anyway.
        maxConnectionRetries: 20,
      });
      // A launch that completes after the deadline still leaves a browser behind: kill it then.
      launching.then((c) => {
        launched = c;
        if (finished) void killAndWait(c);
      }, () => undefined);
      chrome = await Promise.race([launching.catch((err) => { throw new BrowserError('LAUNCH', `could not start ${where.path}: ${describe(err)}`); }), stop]);
      const running = modules.lighthouse(req.url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'silent',
        onlyCategories: ['performance'],
        // Not part of the performance score, and one of the slowest artifacts to gather.
        disableFullPageScreenshot: true,
        maxWaitForLoad: Math.max(5_000, Math.min(45_000, req.timeoutMs - 10_000)),
      }, over.signal);
      running.catch(() => undefined);
      const result = await Promise.race([running, stop]).catch((err) => {
        throw err instanceof BrowserError ? err : new BrowserError('LIGHTHOUSE', `Lighthouse failed: ${describe(err)}`);
      });
      if (!result?.lhr) throw new BrowserError('LIGHTHOUSE', 'Lighthouse returned no result');
      return { lhr: result.lhr, browserPath: where.path, durationMs: Math.round(performance.now() - started) };
    } finally {
      finished = true;
      over.abort();
      releaseGuard();
      clearTimeout(timer);
      if (onAbort) req.signal?.removeEventListener('abort', onAbort);
      if (chrome) await killAndWait(chrome);
    }
  };

  return {
    locate,
    lighthouse(req) {
      const run = queue.then(() => runOnce(req));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0].slice(0, 300);
}

/**
 * While a browser runs, neither Ctrl-C nor `process.exit()` may leave it behind: chrome-launcher
 * starts it in its own process group, so it would not get the terminal's signal. On a signal the
 * browser is killed and, unless someone else handles that signal, it is raised again so the
 * process ends as it would have. Returns the function that removes the guard.
 */
function guardProcess(kill: () => void): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  const release = () => {
    process.off('exit', kill);
    for (const signal of signals) process.off(signal, onSignal);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    kill();
    release();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  process.once('exit', kill);
  for (const signal of signals) process.on(signal, onSignal);
  return release;
}

/**
 * SIGKILLs the browser's process group (chrome-launcher does), waits, bounded, for the exit,
 * then makes sure the temporary profile is gone (a dying browser may still have been writing).
 */
async function killAndWait(chrome: LaunchedChrome): Promise<void> {
  const exited = chrome.process.exitCode !== null || chrome.process.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => chrome.process.once('exit', () => resolve()));
  chrome.kill();
  let grace: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise<void>((resolve) => { grace = setTimeout(resolve, EXIT_GRACE_MS); })]);
  clearTimeout(grace);
  if (chrome.profile) await rm(chrome.profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 }).catch(() => undefined);
}
