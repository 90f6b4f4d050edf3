/**
 * Runs Lighthouse in a child Node process against an already launched browser. Lighthouse leaves
 * promises of its own unhandled when the browser goes away mid-run (a timeout kills it), which
 * would end our process; it also holds a few hundred MB while it works. A child contains both:
 * it crashes or is killed alone, and its memory is gone when it exits.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The child: argv = [lighthouse module URL, page URL, flags JSON, result file]. */
const CHILD_SOURCE = `
import { writeFile } from 'node:fs/promises';
const [moduleUrl, url, flagsJson, outFile] = process.argv.slice(1);
// Stray rejections inside Lighthouse after the browser died: the run's own promise reports the failure.
process.on('unhandledRejection', () => undefined);
try {
  const { default: lighthouse } = await import(moduleUrl);
  const result = await lighthouse(url, JSON.parse(flagsJson));
  if (!result || !result.lhr) throw new Error('Lighthouse returned no result');
  await writeFile(outFile, JSON.stringify(result.lhr));
  process.exit(0);
} catch (err) {
  process.stderr.write(String((err && err.message) || err).split('\\n')[0].slice(0, 300));
  process.exit(2);
}
`;

/** Keeps the last bytes of the child's stderr for the error message. */
const STDERR_CAP = 4096;

/** Lighthouse's result for `url` on the browser at `flags.port`; rejects with the child's reason. */
export async function lighthouseInChild(url: string, flags: Record<string, unknown>, signal?: AbortSignal): Promise<{ lhr: unknown }> {
  const moduleUrl = pathToFileURL(createRequire(import.meta.url).resolve('lighthouse')).href;
  const outFile = join(tmpdir(), `launchready-lhr-${process.pid}-${randomBytes(6).toString('hex')}.json`);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_SOURCE, moduleUrl, url, JSON.stringify(flags), outFile], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_CAP);
      });
      const onAbort = () => child.kill('SIGKILL');
      if (signal?.aborted) onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
      child.once('error', (err) => {
        signal?.removeEventListener('abort', onAbort);
        reject(err);
      });
      child.once('close', (exitCode, sig) => {
        signal?.removeEventListener('abort', onAbort);
        if (exitCode === 0) return resolve(exitCode);
        reject(new Error(stderr.trim() || `Lighthouse process ended (${sig ?? `exit ${String(exitCode)}`})`));
      });
    });
    void code;
    return { lhr: JSON.parse(await readFile(outFile, 'utf8')) as unknown };
  } finally {
    await rm(outFile, { force: true }).catch(() => undefined);
  }
}
