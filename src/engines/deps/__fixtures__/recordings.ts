/**
 * Recorded auditor runs (see each JSON file's `recorded` line for the tool and how it was
 * produced) replayed through the injected process runner.
 */
import { readFileSync } from 'node:fs';
import type { ProcessResult, ProcessRunner } from '../../../context/proc-types.js';

export type RecordingName =
  | 'npm-vulnerable' | 'npm-clean' | 'npm-offline-405' | 'npm-offline-refused'
  | 'pnpm-vulnerable' | 'pnpm-offline-405' | 'pnpm-offline-refused'
  | 'yarn-berry-vulnerable' | 'yarn-classic-vulnerable' | 'yarn-classic-offline';

export interface Recording {
  recorded: string;
  command: string[];
  code: number | null;
  stdout: string;
  stderr: string;
}

export function recording(name: RecordingName): Recording {
  return JSON.parse(readFileSync(new URL(`./${name}.json`, import.meta.url), 'utf8')) as Recording;
}

/** A runner that answers every call with one recording (or a given result) and logs the calls. */
export function replayRunner(answer: RecordingName | ProcessResult) {
  const calls: { cmd: string; args: readonly string[]; cwd: string }[] = [];
  const runner: ProcessRunner = {
    async run(cmd, args, opts) {
      calls.push({ cmd, args, cwd: opts.cwd });
      if (typeof answer !== 'string') return answer;
      const r = recording(answer);
      return { code: r.code, stdout: r.stdout, stderr: r.stderr, timedOut: false };
    },
  };
  return { runner, calls };
}
