/** Shannon entropy, the usual gate of generic secret rules (gitleaks, trufflehog use the same). */

/** Bits per character of `s` (0 for an empty string; log2 of the alphabet at most). */
export function shannonEntropy(s: string): number {
  if (s.length === 0) return 0;
  // Byte-range characters (all the scanner sees: it decodes latin1) count in a small array.
  const counts = new Uint32Array(256);
  let wide: Map<number, number> | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 256) counts[c] += 1;
    else {
      wide ??= new Map();
      wide.set(c, (wide.get(c) ?? 0) + 1);
    }
  }
  let bits = 0;
  const add = (n: number) => {
    const p = n / s.length;
    bits -= p * Math.log2(p);
  };
  for (let c = 0; c < 256; c++) if (counts[c]) add(counts[c]);
  for (const n of wide?.values() ?? []) add(n);
  return bits;
}
