/**
 * Path globs for `audit.secrets.allow_paths`, with the gitignore meanings people expect:
 * `**` crosses folders, `*` and `?` stay inside one, `{a,b}` alternates, `[...]` is a class;
 * a pattern without `/` matches a file or folder name at any depth (`*.pem`, `fixtures`);
 * a pattern naming a folder covers everything below it (`test/fixtures` = `test/fixtures/**`).
 */

function escapeChar(c: string): string {
  return /[.+^$()|\\]/.test(c) ? `\\${c}` : c;
}

/** Regex source for one glob, matching a whole `/`-separated relative path. */
export function globSource(glob: string): string {
  let out = '';
  let inBraces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` everything below.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) out += '\\[';
      else {
        out += `[${glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      inBraces += 1;
      out += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces -= 1;
      out += ')';
    } else if (c === ',' && inBraces > 0) out += '|';
    else out += escapeChar(c);
  }
  return out;
}

/** Compiles allow globs into one predicate over relative paths (`/`-separated). */
export function pathMatcher(globs: readonly string[]): (path: string) => boolean {
  const sources = globs
    .map((g) => g.trim().replace(/^\.\//, ''))
    .filter(Boolean)
    .map((g) => {
      const dirOnly = g.endsWith('/');
      const body = globSource(g.replace(/\/+$/, ''));
      // No slash inside: a name at any depth (like .gitignore).
      const anchored = g.replace(/\/+$/, '').includes('/') ? `^${body}` : `(?:^|/)${body}`;
      return `${anchored}${dirOnly ? '/' : '(?:/|$)'}`;
    });
  if (sources.length === 0) return () => false;
  const re = new RegExp(sources.join('|'));
  return (path) => re.test(path);
}
