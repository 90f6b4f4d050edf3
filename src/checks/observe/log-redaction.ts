/**
 * observe.log-redaction: the log samples named in `ownership.logs` (paths or globs, relative to
 * the config) carry no secrets, bearer tokens, e-mail addresses or payment card numbers.
 * Secrets come from the secret engine's rules; the other kinds are matched here. Reading is
 * bounded (bytes per file, files, bytes in total); findings show `file:line`, the kind and the
 * redacted value — never the raw one.
 */
import { open, stat } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import { createCheck } from '../../core/create-check.js';
import { redactValue } from '../../core/redact.js';
import type { Check, CheckContext } from '../../core/types.js';
import { BUILTIN_RULES, compileRules, scanText } from '../../engines/secrets/index.js';

// ---------------------------------------------------------------- detection (pure)

export type LeakKind = 'secret' | 'bearerToken' | 'email' | 'cardNumber';

/** A secret found by a detector: its offset in the text, the rule that matched, the raw value. */
export interface DetectedSecret {
  rule: string;
  secret: string;
  offset: number;
}

/** Finds credentials in a text; injected so the log scan does not depend on one engine. */
export type SecretDetector = (text: string) => DetectedSecret[];

export interface LogLeak {
  kind: LeakKind;
  line: number;
  /** Rule id for secrets, card brand for cards. */
  detail?: string;
  /** Redacted form only (first 4 characters and a hash). */
  redacted: string;
}

/** The secret engine's built-in rules as a detector (compiled per call: no shared regex state). */
export function secretEngineDetector(): SecretDetector {
  const compiled = compileRules(BUILTIN_RULES);
  return (text) => scanText(text, compiled).map((h) => ({ rule: h.rule.id, secret: h.secret, offset: h.offset }));
}

/** The Luhn checksum (ISO/IEC 7812-1 annex B) every payment card number satisfies. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, alt = false; i >= 0; i--, alt = !alt) {
    let d = digits.charCodeAt(i) - 48;
    if (alt) d = d > 4 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** Issuer prefixes and lengths of the card networks (so a Luhn-valid order id is not a card). */
const CARD_BRANDS: readonly { brand: string; prefix: RegExp; lengths: readonly number[] }[] = [
  { brand: 'visa', prefix: /^4/, lengths: [13, 16, 19] },
  { brand: 'mastercard', prefix: /^(?:5[1-5]|2(?:2[2-9]|[3-6]\d|7[01]|720))/, lengths: [16] },
  { brand: 'amex', prefix: /^3[47]/, lengths: [15] },
  { brand: 'discover', prefix: /^(?:6011|65|64[4-9])/, lengths: [16, 19] },
  { brand: 'jcb', prefix: /^35(?:2[89]|[3-8])/, lengths: [16, 19] },
  { brand: 'diners', prefix: /^3(?:0[0-5]|[68])/, lengths: [14, 16, 19] },
  { brand: 'unionpay', prefix: /^62/, lengths: [16, 19] },
];

/** The card brand of a digit string, when it is a Luhn-valid number of a known network. */
export function cardBrand(digits: string): string | undefined {
  if (!luhnValid(digits)) return undefined;
  return CARD_BRANDS.find((b) => b.prefix.test(digits) && b.lengths.includes(digits.length))?.brand;
}

// Digits in the groupings cards are printed with (plain, or 4-4-4-4 / 4-6-5 with one space or
// dash), not touching other digits, so a timestamp or a longer id is not cut into a card.
const CARD = /(?<![\d.-])(?:\d{13,19}|\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})?|\d{4}([ -])\d{6}\2\d{5})(?![\d-])/g;
const EMAIL = /(?<![\w.%+-])([A-Za-z0-9._%+-]{1,64})@((?:[A-Za-z0-9-]{1,63}\.)+[A-Za-z]{2,24})(?![\w-])/g;
// RFC 6750 b64token after "Bearer"; a redaction marker ([REDACTED], ***) has none of these characters.
const BEARER = /\bbearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/gi;

/** Role mailboxes and documentation domains: not personal data. */
const ROLE_MAILBOX = /^(?:no-?reply|do-?not-?reply|support|ops|admin|postmaster|hostmaster|abuse|security|info|hello|contact|team|billing|sales|notifications?|alerts?|mailer-daemon|root|webmaster|help|privacy)$/i;
const DOC_DOMAIN = /(?:^|\.)example\.(?:com|org|net)$/i;
const FILE_TLD = /\.(?:png|jpe?g|gif|svg|webp|css|js|mjs|map|json|ico)$/i;

/** Whether a bearer value is a stand-in (`xxxxxxxxxxxxxxxx`, `<token>`-like, one repeated character). */
function placeholderToken(v: string): boolean {
  return /^(.)\1+$/.test(v) || /^(?:x+|redacted|token|your[-_]?token\w*|placeholder)$/i.test(v);
}

/** Offset → 1-based line, for offsets in increasing order. */
function lineCounter(text: string) {
  let line = 1;
  let pos = 0;
  return (offset: number) => {
    for (let p = text.indexOf('\n', pos); p >= 0 && p < offset; p = text.indexOf('\n', p + 1)) {
      line += 1;
      pos = p + 1;
    }
    return line;
  };
}

/**
 * Every leak in one log text, in text order. A span found by the secret detector is reported
 * once, as a secret, even if it is also a bearer token.
 */
export function findLogLeaks(text: string, detectSecrets: SecretDetector): LogLeak[] {
  const spans: { start: number; end: number; kind: LeakKind; detail?: string; value: string }[] = [];
  const taken = (s: number, e: number) => spans.some((x) => s < x.end && e > x.start);
  for (const d of detectSecrets(text)) spans.push({ start: d.offset, end: d.offset + d.secret.length, kind: 'secret', detail: d.rule, value: d.secret });
  for (const m of text.matchAll(BEARER)) {
    const start = m.index + m[0].length - m[1].length;
    if (!placeholderToken(m[1]) && !taken(start, start + m[1].length)) spans.push({ start, end: start + m[1].length, kind: 'bearerToken', value: m[1] });
  }
  for (const m of text.matchAll(EMAIL)) {
    const [whole, local, domain] = m;
    if (ROLE_MAILBOX.test(local) || DOC_DOMAIN.test(domain) || FILE_TLD.test(whole) || taken(m.index, m.index + whole.length)) continue;
    spans.push({ start: m.index, end: m.index + whole.length, kind: 'email', value: whole });
  }
  for (const m of text.matchAll(CARD)) {
    const digits = m[0].replace(/[ -]/g, '');
    const brand = cardBrand(digits);
    if (brand && !taken(m.index, m.index + m[0].length)) spans.push({ start: m.index, end: m.index + m[0].length, kind: 'cardNumber', detail: brand, value: digits });
  }
  spans.sort((a, b) => a.start - b.start);
  const lineAt = lineCounter(text);
  return spans.map((s) => ({ kind: s.kind, line: lineAt(s.start), ...(s.detail ? { detail: s.detail } : {}), redacted: redactValue(s.value) }));
}

// ---------------------------------------------------------------- reading (bounded)

export const LOG_LIMITS = Object.freeze({ bytesPerFile: 4 * 1024 * 1024, totalBytes: 32 * 1024 * 1024, files: 200 });

/** Files a configured path or glob names: a file, every file under a folder, or the glob's matches. */
export async function resolveLogPattern(pattern: string, maxFiles: number): Promise<string[]> {
  const isGlob = /[*?[\]{}]/.test(pattern);
  if (!isGlob) {
    const info = await stat(pattern).catch(() => undefined);
    if (!info) return [];
    if (info.isFile()) return [pattern];
    if (!info.isDirectory()) return [];
    return (await glob('**/*', { cwd: pattern, absolute: true, onlyFiles: true, dot: false })).sort().slice(0, maxFiles);
  }
  // The static part of the pattern is the folder to search from; the rest is matched inside it.
  const parts = pattern.split(/[\\/]/);
  const first = parts.findIndex((p) => /[*?[\]{}]/.test(p));
  const base = parts.slice(0, first).join(sep) || sep;
  const rest = parts.slice(first).join('/');
  return (await glob(rest, { cwd: base, absolute: true, onlyFiles: true, dot: false })).sort().slice(0, maxFiles);
}

/** The head of a file, at most `max` bytes; `binary` when it holds NUL bytes (compressed, rotated). */
export async function readHead(path: string, max: number): Promise<{ text: string; bytes: number; size: number; binary: boolean }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const buf = Buffer.alloc(Math.min(size, max));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    const binary = head.subarray(0, 8192).includes(0);
    return { text: binary ? '' : head.toString('utf8'), bytes: bytesRead, size, binary };
  } finally {
    await handle.close();
  }
}

// ---------------------------------------------------------------- the check

const EXAMPLES = 5;
const KIND_WORDS: Record<LeakKind, string> = { secret: 'secret', bearerToken: 'bearer token', email: 'e-mail address', cardNumber: 'card number' };

async function run(ctx: CheckContext, detector: SecretDetector | undefined): Promise<void> {
  const patterns = ctx.config.ownership?.logs ?? [];
  if (!patterns.length) {
    ctx.skip(ctx.config.project, 'no log samples declared (`ownership.logs`)');
    return;
  }
  const detect = detector ?? secretEngineDetector();
  const shown = (p: string) => {
    const r = relative(ctx.config.dir, p);
    return r && !r.startsWith('..') && !isAbsolute(r) ? r.split(sep).join('/') : p;
  };
  let total = 0;
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const files = await resolveLogPattern(pattern, LOG_LIMITS.files);
    if (!files.length) {
      ctx.error(shown(pattern), { code: 'NO_MATCH', message: `no log file matches ${shown(pattern)}` });
      continue;
    }
    for (const file of files) {
      if (seen.has(file)) continue;
      seen.add(file);
      const target = shown(file);
      if (seen.size > LOG_LIMITS.files || total >= LOG_LIMITS.totalBytes) {
        ctx.skip(target, `not read: the scan stops after ${LOG_LIMITS.files} files or ${LOG_LIMITS.totalBytes} bytes`);
        continue;
      }
      let head;
      try {
        head = await readHead(file, Math.min(LOG_LIMITS.bytesPerFile, LOG_LIMITS.totalBytes - total));
      } catch (err) {
        ctx.error(target, err);
        continue;
      }
      total += head.bytes;
      if (head.binary) {
        ctx.skip(target, 'binary file (compressed or rotated log?): decompress a sample to scan it');
        continue;
      }
      const read = { bytesRead: head.bytes, ...(head.size > head.bytes ? { truncated: `first ${head.bytes} of ${head.size} bytes read` } : {}) };
      const leaks = findLogLeaks(head.text, detect);
      if (!leaks.length) {
        ctx.pass(target, { evidence: read });
        continue;
      }
      for (const kind of Object.keys(KIND_WORDS) as LeakKind[]) {
        const ofKind = leaks.filter((l) => l.kind === kind);
        if (!ofKind.length) continue;
        ctx.fail({
          target,
          messageId: kind,
          data: { count: ofKind.length, first: `${target}:${ofKind[0].line}` },
          evidence: {
            ...read,
            kind: KIND_WORDS[kind],
            occurrences: ofKind.length,
            examples: ofKind.slice(0, EXAMPLES).map((l) => ({ at: `${target}:${l.line}`, kind: KIND_WORDS[kind], ...(l.detail ? { detail: l.detail } : {}), redacted: l.redacted })),
            expected: 'no credentials or personal data in logs',
            actual: `${ofKind.length} ${KIND_WORDS[kind]}${ofKind.length === 1 ? '' : 's'}`,
          },
        });
      }
    }
  }
}

/** Builds the check; tests (and other drivers) may hand it another secret detector. */
export function createLogRedactionCheck(opts: { detectSecrets?: SecretDetector } = {}): Check {
  return createCheck({
    meta: {
      id: 'observe.log-redaction',
      stage: 6,
      title: 'Logs carry no secrets, tokens or personal data',
      defaultSeverity: 'high',
      targetKind: 'file',
      needs: ['ownership'],
    },
    messages: {
      secret: '{{target}} contains {{count}} secret(s), first at {{first}}',
      bearerToken: '{{target}} contains {{count}} bearer token(s), first at {{first}}',
      email: '{{target}} contains {{count}} e-mail address(es), first at {{first}}',
      cardNumber: '{{target}} contains {{count}} payment card number(s), first at {{first}}',
    },
    remediation: {
      secret: 'Rotate the logged credential now (it is in every log archive and shipper), then stop logging it: drop config dumps, and add a redaction rule to the logger (pino `redact`, winston format, structlog processor).',
      bearerToken: 'Never log request headers whole: redact `authorization`, `cookie` and `set-cookie` in the logger (pino: `redact: [\'req.headers.authorization\', \'req.headers.cookie\']`), and revoke the logged tokens.',
      email: 'Log a user id instead of the address, or mask it (`a***@acme.test`); personal data in logs extends GDPR duties to every log store and its retention.',
      cardNumber: 'Never log card data (PCI DSS 3.4): log the last four digits at most, and purge the affected logs from every store and backup.',
    },
    run: (ctx) => run(ctx, opts.detectSecrets),
  });
}

export default createLogRedactionCheck();
