/**
 * `.gitignore` rules for the plain folder walk (a folder that is not a git repository is still
 * usually a project with a `.gitignore`: `.env.*`, `logs/`, `dist/`). Follows gitignore(5):
 * blank lines and `#` comments skipped, `!` re-includes, a leading or middle `/` anchors to the
 * file's folder, a trailing `/` matches folders only, the last matching line wins, and nothing
 * inside an excluded folder can be re-included (the walk does not enter it).
 */
import { globSource } from './glob.js';

interface IgnoreRule {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/** The rules of one `.gitignore`, for paths relative to its folder. */
export type IgnoreRules = readonly IgnoreRule[];

/** Parses a `.gitignore` text. */
export function parseGitignore(text: string): IgnoreRules {
  const rules: IgnoreRule[] = [];
  for (let line of text.split(/\r?\n/)) {
    // Trailing spaces are ignored unless escaped.
    line = line.replace(/(?<!\\)\s+$/, '');
    if (!line || line.startsWith('#')) continue;
    let negate = false;
    if (line.startsWith('!')) {
      negate = true;
      line = line.slice(1);
    } else if (line.startsWith('\\!') || line.startsWith('\\#')) {
      line = line.slice(1);
    }
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    if (!line) continue;
    const anchored = line.includes('/');
    const body = globSource(line.replace(/^\//, ''));
    rules.push({ re: new RegExp(anchored ? `^${body}$` : `(?:^|/)${body}$`), negate, dirOnly });
  }
  return rules;
}

/** A stack of `.gitignore` files from the walk's root down to the current folder. */
export interface IgnoreLayer {
  /** Folder of the `.gitignore`, relative to the walk root ('' for the root). */
  base: string;
  rules: IgnoreRules;
}

/** Whether `path` (relative to the walk root) is ignored by the layers (root first, deepest last). */
export function isIgnored(layers: readonly IgnoreLayer[], path: string, isDir: boolean): boolean {
  let ignored = false;
  for (const layer of layers) {
    if (layer.base && !path.startsWith(`${layer.base}/`)) continue;
    const rel = layer.base ? path.slice(layer.base.length + 1) : path;
    for (const rule of layer.rules) {
      if (rule.dirOnly && !isDir) continue;
      if (rule.re.test(rel)) ignored = !rule.negate;
    }
  }
  return ignored;
}
