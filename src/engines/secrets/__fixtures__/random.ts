/**
 * A seeded generator of real-shaped random values for fixtures and the benchmark corpus.
 * Planted secrets are built at test time from these, so no credential sits in the repository.
 */

export const ALPHABETS = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  upperAlnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  lowerAlnum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  letters: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  digits: '0123456789',
  hex: '0123456789abcdef',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  bech32: 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L',
} as const;

export type AlphabetName = keyof typeof ALPHABETS;

/** Deterministic random values (mulberry32): the same seed gives the same fixtures. */
export class Rand {
  private state: number;

  constructor(seed = 0x5eed) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }

  /** `n` characters of a named alphabet (or a literal one). */
  chars(n: number, alphabet: AlphabetName | string = 'alnum'): string {
    const a = alphabet in ALPHABETS ? ALPHABETS[alphabet as AlphabetName] : alphabet;
    let s = '';
    for (let i = 0; i < n; i++) s += a[Math.floor(this.next() * a.length)];
    return s;
  }

  alnum(n: number): string {
    return this.chars(n, 'alnum');
  }

  hex(n: number): string {
    return this.chars(n, 'hex');
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${this.pick(['8', '9', 'a', 'b'])}${this.hex(3)}-${this.hex(12)}`;
  }

  /** Standard base64 (with padding) of `n` random bytes. */
  base64Bytes(n: number): string {
    return Buffer.from(Array.from({ length: n }, () => this.int(0, 255))).toString('base64');
  }
}

/** base64url of a JSON value, as in a JWT segment. */
export function b64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** A PEM block header or footer, assembled so the source never holds the marker in one piece. */
export function pemMarker(kind: 'BEGIN' | 'END', type = 'RSA'): string {
  const dashes = '-'.repeat(5);
  return [dashes, kind, ' ', type ? `${type} ` : '', 'PRIVATE', ' KEY', dashes].join('');
}
