/** A small structured logger writing to stderr; debug lines only with --verbose. */
import type { Logger } from './types.js';

export function createLogger(opts: { verbose: boolean; write?: (line: string) => void }): Logger {
  const write = opts.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const emit = (level: string, msg: string, data?: Record<string, unknown>) =>
    write(`[${level}] ${msg}${data ? ` ${JSON.stringify(data)}` : ''}`);
  return {
    debug: (msg, data) => { if (opts.verbose) emit('debug', msg, data); },
    info: (msg, data) => { if (opts.verbose) emit('info', msg, data); },
    warn: (msg, data) => emit('warn', msg, data),
  };
}
