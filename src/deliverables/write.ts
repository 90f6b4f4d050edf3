/** Writes the audit deliverables into one folder through an injectable writer. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditRun } from '../core/types.js';
import { renderHtml } from '../reporters/html.js';
import { renderJson } from '../reporters/json.js';
import type { RuleSource } from '../reporters/sarif.js';
import { renderDeploymentMapMarkdown } from './deployment-map.js';
import { renderRiskList } from './risk-list.js';

/** The two file-system calls the deliverables need (tests pass an in-memory one). */
export interface DeliverableWriter {
  writeFile(path: string, data: string): Promise<void>;
  /** Creates the folder and its parents; no error when it exists. */
  mkdir(path: string): Promise<void>;
}

export interface DeliverableOptions {
  /** Registered checks (accepted for symmetry with `renderReport`; the files do not need them yet). */
  checks?: readonly RuleSource[];
  docsBaseUrl?: string;
}

/** The file names written, in order. */
export const DELIVERABLE_FILES = ['risk-list.md', 'deployment-map.md', 'report.html', 'report.json'] as const;

/** Written beside them when the run measured the endpoints (the top slow paths, one fix each). */
export const BASELINE_REPORT_FILE = 'baseline-report.md';

/** A writer on node:fs (UTF-8, folders created recursively). */
export function nodeWriter(): DeliverableWriter {
  return {
    writeFile: (path, data) => writeFile(path, data, 'utf8'),
    mkdir: async (path) => {
      await mkdir(path, { recursive: true });
    },
  };
}

/** Renders and writes every deliverable into `outDir`; returns the paths written. */
export async function writeDeliverables(
  run: AuditRun,
  outDir: string,
  writer: DeliverableWriter,
  opts: DeliverableOptions = {},
): Promise<string[]> {
  const docsBaseUrl = opts.docsBaseUrl;
  const files: Record<(typeof DELIVERABLE_FILES)[number], string> = {
    'risk-list.md': renderRiskList(run, { docsBaseUrl }),
    'deployment-map.md': renderDeploymentMapMarkdown(run),
    'report.html': renderHtml(run, { docsBaseUrl }),
    'report.json': renderJson(run, { docsBaseUrl }),
  };
  await writer.mkdir(outDir);
  const written: string[] = [];
  for (const name of DELIVERABLE_FILES) {
    const path = join(outDir, name);
    await writer.writeFile(path, files[name]);
    written.push(path);
  }
  if (run.baselineReport) {
    const path = join(outDir, BASELINE_REPORT_FILE);
    await writer.writeFile(path, run.baselineReport);
    written.push(path);
  }
  return written;
}
