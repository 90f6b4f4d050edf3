/** "Did you mean …?" for unknown keys and enum values. */

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein restricted to adjacent transpositions,
 * so `enviroments` ↔ `environments` is 1 and `tiemout` ↔ `timeout` is 1).
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

// `adminPaths`, `Admin-Paths` and `admin_paths` are the same intent: compare without case or separators.
const normalise = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');

/** How many edits a word of this length may be away and still be a plausible typo. */
function allowance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 7) return 2;
  return 3;
}

/**
 * The known word closest to `input`, when close enough to be a likely typo; undefined otherwise.
 * Ties go to the earlier candidate, so callers list the likeliest keys first.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const norm = normalise(input);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c === input) continue;
    const nc = normalise(c);
    if (nc === norm) return c;
    const score = editDistance(norm, nc);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best === undefined) return undefined;
  return bestScore <= allowance(Math.max(norm.length, 1)) && bestScore < Math.max(norm.length, normalise(best).length)
    ? best
    : undefined;
}
