/**
 * Evidence as compact `key: value` lines, shared by every human-readable format. Evidence is
 * structured data from the checks; this is the one place that decides how it reads.
 */
import type { Evidence } from '../../core/types.js';

/** One line of evidence; the `expected` line carries the actual value beside the expected one. */
export interface EvidenceLine {
  key: string;
  value: string;
}

/** Keys whose arrays are sequences (a redirect chain, CNAME chain): shown as `a → b → c`. */
const SEQUENCE_KEY = /(chain|hops|redirects?)$/i;

/** Longest value shown; evidence is a summary, the JSON report has everything. */
const MAX_VALUE_CHARS = 400;
/** Most lines shown per finding. */
const MAX_LINES = 16;
/** Nesting shown before falling back to JSON. */
const MAX_DEPTH = 3;

const clip = (s: string) => (s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS - 1)}…` : s);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** A redirect hop `{ url, status }` reads `url (301)`. */
function formatHop(v: Record<string, unknown>): string | undefined {
  if (typeof v.url !== 'string') return undefined;
  return v.status === undefined ? v.url : `${v.url} (${String(v.status)})`;
}

/** One value in compact form; `key` decides whether an array is a sequence or a list. */
export function formatValue(value: unknown, key = '', depth = 0): string {
  if (value === null || value === undefined) return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  if (typeof value !== 'object') return String(value);
  if (depth >= MAX_DEPTH) return JSON.stringify(value) ?? '';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(none)';
    const items = value.map((v) => (isPlainObject(v) && formatHop(v)) || formatValue(v, '', depth + 1));
    return items.join(SEQUENCE_KEY.test(key) ? ' → ' : ', ');
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{ ${entries.map(([k, v]) => `${k}: ${formatValue(v, k, depth + 1)}`).join(', ')} }`;
}

/**
 * Evidence as lines in the evidence's own key order. When it holds both `expected` and `actual`
 * they become one line, `expected: ≤ 1 hop · actual: 3`, so the reader sees them side by side.
 */
export function evidenceLines(evidence: Evidence | undefined): EvidenceLine[] {
  if (!evidence) return [];
  const pair = 'expected' in evidence && 'actual' in evidence;
  const lines: EvidenceLine[] = [];
  for (const [key, value] of Object.entries(evidence)) {
    if (value === undefined || (pair && key === 'actual')) continue;
    if (pair && key === 'expected') {
      lines.push({ key, value: clip(`${formatValue(value, key)} · actual: ${formatValue(evidence.actual, 'actual')}`) });
    } else {
      lines.push({ key, value: clip(formatValue(value, key)) });
    }
  }
  if (lines.length <= MAX_LINES) return lines;
  const shown = lines.slice(0, MAX_LINES - 1);
  shown.push({ key: '…', value: `${lines.length - shown.length} more in the JSON report` });
  return shown;
}
