/** File targets (`path:line`, `path:line@commit`) as used by the secret scanners (interface.md). */

export interface FileTarget {
  path: string;
  line: number;
  /** Short commit that introduced the finding (`secrets.git-history`). */
  commit?: string;
}

const FILE_TARGET = /^(?<path>[^\s:][^:]*?):(?<line>\d+)(?:@(?<commit>[0-9a-f]{4,40}))?$/;

/**
 * Parses a file target. `host:port` looks the same as `file:line`, so a target only counts as a
 * file when its check says so (`targetKind: 'file'`) or, for checks the reporter does not know,
 * when it has a folder in its path.
 */
export function parseFileTarget(target: string, kind?: string): FileTarget | undefined {
  if (kind !== undefined && kind !== 'file') return undefined;
  if (target.includes('://')) return undefined;
  const m = FILE_TARGET.exec(target);
  if (!m?.groups) return undefined;
  const { path, line, commit } = m.groups;
  if (kind === undefined && !path.includes('/')) return undefined;
  const n = Number(line);
  if (n < 1) return undefined;
  return commit ? { path, line: n, commit } : { path, line: n };
}
