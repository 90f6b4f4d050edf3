/**
 * Finds what a response must not show (see patterns.ts) and describes each find by the pattern's
 * name and a short excerpt in which every secret-looking value is redacted. JSON bodies are also
 * read with their strings unescaped (a stack trace inside `"stack": "…\n    at …"` is still one),
 * HTML bodies also with their common entities decoded.
 */
import { redactText, redactValue } from '../../core/redact.js';
import { LEAK_PATTERNS, type LeakCategory, type LeakPattern } from './patterns.js';

export interface LeakFinding {
  category: LeakCategory;
  /** The pattern's name (`node stack frame`), never the matched text itself. */
  pattern: string;
  /** Up to ~160 characters around the match, secrets redacted. */
  excerpt: string;
}

export interface DetectOptions {
  /** Values never to show (the session token, configured passwords): redacted before anything else. */
  knownSecrets?: readonly string[];
  /** Patterns to use (default: all). */
  patterns?: readonly LeakPattern[];
  /** Characters of the body examined (default 1 MiB). */
  maxChars?: number;
}

const EXCERPT_CONTEXT = 50;
const EXCERPT_MAX = 160;
const MAX_JSON_DEPTH = 32;
const MAX_JSON_STRINGS = 10_000;

/** Strings of a JSON document joined by newlines (bounded), or undefined when it is not JSON. */
function jsonStrings(text: string): string | undefined {
  const head = text.trimStart()[0];
  if (head !== '{' && head !== '[' && head !== '"') return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const out: string[] = [];
  const walk = (v: unknown, depth: number): void => {
    if (out.length >= MAX_JSON_STRINGS || depth > MAX_JSON_DEPTH) return;
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => walk(x, depth + 1));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        walk(x, depth + 1);
      }
    }
  };
  walk(doc, 0);
  return out.join('\n');
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&', nbsp: ' ' };

/** The handful of entities error pages use, so `&lt;anonymous&gt;` and `&#x2F;srv` read as text. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|quot|apos|amp|nbsp));/gi, (whole, dec, hex, name) => {
    if (name) return ENTITIES[String(name).toLowerCase()] ?? whole;
    const code = dec ? Number(dec) : parseInt(String(hex), 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const global = (re: RegExp) => new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);

/** Redacts every secret-pattern match in `text` (placeholders too: hiding them costs nothing). */
export function redactSecrets(text: string, patterns: readonly LeakPattern[] = LEAK_PATTERNS): string {
  let out = text;
  for (const p of patterns) {
    if (p.category !== 'secret') continue;
    out = out.replace(global(p.regex), (m) => redactValue(m));
  }
  return out;
}

// Characters that can belong to one token (a key, a path): an excerpt never starts or ends inside one.
const TOKEN_CHAR = /[^\s"'<>(),;]/;

/** A window around [start, end) widened or narrowed so no token is cut, then redacted and tidied. */
function excerptOf(text: string, start: number, end: number, patterns: readonly LeakPattern[]): string {
  let s = Math.max(0, start - EXCERPT_CONTEXT);
  let e = Math.min(text.length, end + EXCERPT_CONTEXT);
  // Drop a token cut by the window's edge: half a key is still part of a key.
  while (s > 0 && s < start && TOKEN_CHAR.test(text[s - 1]) && TOKEN_CHAR.test(text[s])) s++;
  while (e < text.length && e > end && TOKEN_CHAR.test(text[e]) && TOKEN_CHAR.test(text[e - 1])) e--;
  let out = redactSecrets(text.slice(s, e), patterns).replace(/\s+/g, ' ').trim();
  if (out.length > EXCERPT_MAX) out = `${out.slice(0, EXCERPT_MAX).replace(/\s+\S*$/, '')}…`;
  return `${s > 0 ? '…' : ''}${out}${e < text.length && !out.endsWith('…') ? '…' : ''}`;
}

/** Matches of one pattern examined before giving up on finding one its `accept` allows. */
const MAX_CANDIDATES = 50;

function firstAccepted(p: LeakPattern, texts: readonly string[]): { text: string; index: number; length: number } | undefined {
  for (const text of texts) {
    let seen = 0;
    for (const m of text.matchAll(global(p.regex))) {
      if (!p.accept || p.accept(m[0])) return { text, index: m.index, length: m[0].length };
      if (++seen >= MAX_CANDIDATES) break;
    }
  }
  return undefined;
}

/**
 * Every leak in `body`, one finding per pattern, in pattern order. Pure: the same body gives the
 * same findings.
 */
export function detectLeaks(body: string, opts: DetectOptions = {}): LeakFinding[] {
  const patterns = opts.patterns ?? LEAK_PATTERNS;
  const known = (opts.knownSecrets ?? []).filter((s) => s.length >= 4);
  const raw = redactText(body.slice(0, opts.maxChars ?? 1024 * 1024), known);
  const texts = [...new Set([raw, decodeEntities(raw), jsonStrings(raw) ?? raw])];
  const findings: LeakFinding[] = [];
  for (const p of patterns) {
    const m = firstAccepted(p, texts);
    if (m) findings.push({ category: p.category, pattern: p.name, excerpt: excerptOf(m.text, m.index, m.index + m.length, patterns) });
  }
  return findings;
}
