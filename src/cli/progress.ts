/** One progress line on stderr, only when it is a terminal. */
import type { Check, CheckResult } from '../core/types.js';
import type { CommandIo } from './io.js';

export function progressReporter(io: CommandIo, total: number) {
  let done = 0;
  return {
    onCheckDone(check: Check, results: CheckResult[]) {
      done += 1;
      const fails = results.filter((r) => r.status === 'fail').length;
      io.stderr(`\r\x1b[2K[${done}/${total}] ${check.meta.id}${fails ? ` — ${fails} finding(s)` : ''}`);
    },
    done() {
      io.stderr('\r\x1b[2K');
    },
  };
}
