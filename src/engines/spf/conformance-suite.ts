/**
 * Reads the openspf.org SPF test-suite format (`test/conformance/spf/*.yml`, see its README)
 * into zones for the lab's DNS server and cases to evaluate. Shared by the conformance test
 * and `bench/spf`, so both serve exactly the same DNS.
 */
import { parseAllDocuments } from 'yaml';
import type { NameSpec, TxtValue, ZoneSpec } from '../../lab/zone.js';

export interface SpfSuiteCase {
  /** Test name (unique within a suite file). */
  name: string;
  scenario: string;
  host: string;
  mailfrom: string;
  helo: string;
  /** Accepted results, the preferred one first. */
  results: string[];
  explanation?: string;
  spec?: string;
  description?: string;
}

export interface SpfSuiteScenario {
  description: string;
  /** The scenario's zone for `buildZone`. */
  zone: ZoneSpec;
  /** Where the lab's per-name behaviour cannot say exactly what the suite means (see below). */
  notes: string[];
  cases: SpfSuiteCase[];
}

type RawEntry = string | Record<string, unknown>;

/**
 * A TXT value: one string, or a list = one record made of several character-strings (the
 * suite's "null-text" case). Strings are served as UTF-8 of the code points the YAML holds —
 * what pyspf's own driver hands its parser (`"\xEF\xBB\xBF"` is three code points there).
 */
function txtValue(v: unknown): TxtValue {
  return Array.isArray(v) ? v.map(String) : String(v);
}

function push<T>(spec: NameSpec, key: keyof NameSpec, value: T): void {
  const list = ((spec as Record<string, unknown>)[key] as T[] | undefined) ?? [];
  list.push(value);
  (spec as Record<string, unknown>)[key] = list;
}

/**
 * One name's entries. The suite's drivers copy `SPF` entries into `TXT` unless the name lists
 * `TXT` itself (a `TXT: NONE` entry only stops the copy). A bare `TIMEOUT` makes questions for
 * the types *not listed before it* time out (pyspf's driver). The lab's behaviours are per
 * name, so the name times out when no TXT record precedes the TIMEOUT (the suite only ever
 * needs TXT answers at such names); when TXT records do precede it, they are served and the
 * other types answer NODATA instead of timing out — recorded in `notes`.
 */
function nameSpec(name: string, entries: readonly RawEntry[], notes: string[]): NameSpec | 'timeout' {
  const spec: NameSpec = {};
  const listsTxt = entries.some((e) => typeof e === 'object' && 'TXT' in e);
  const spfCopies: TxtValue[] = [];
  let txtBeforeTimeout = false;
  let timeout = false;
  for (const entry of entries) {
    if (entry === 'TIMEOUT') {
      if (txtBeforeTimeout) notes.push(`${name}: TIMEOUT after TXT records: types other than TXT answer NODATA`);
      else timeout = true;
      continue;
    }
    if (typeof entry !== 'object' || entry === null) throw new Error(`${name}: unexpected entry ${JSON.stringify(entry)}`);
    for (const [type, value] of Object.entries(entry)) {
      if (value === 'NONE') continue;
      switch (type) {
        case 'TXT':
          push(spec, 'TXT', txtValue(value));
          txtBeforeTimeout = true;
          break;
        case 'SPF':
          push(spec, 'SPF', txtValue(value));
          // pyspf's driver appends the copies after every listed entry, so after any TIMEOUT.
          if (!listsTxt) spfCopies.push(txtValue(value));
          break;
        case 'MX': {
          const [preference, exchange] = value as [number, string];
          push(spec, 'MX', { preference: Number(preference), exchange: String(exchange) });
          break;
        }
        case 'A':
        case 'AAAA':
        case 'PTR':
          push(spec, type, String(value));
          break;
        case 'CNAME':
          spec.CNAME = String(value);
          break;
        default:
          throw new Error(`${name}: record type ${type} is not supported`);
      }
    }
  }
  if (timeout) return 'timeout';
  if (spfCopies.length) spec.TXT = [...((spec.TXT as TxtValue[] | undefined) ?? []), ...spfCopies];
  return spec;
}

function toList(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [String(v)];
}

/** Parses a suite file's text (a multi-document YAML stream, one scenario per document). */
export function loadSpfSuite(text: string): SpfSuiteScenario[] {
  const scenarios: SpfSuiteScenario[] = [];
  for (const doc of parseAllDocuments(text)) {
    if ('errors' in doc && doc.errors.length) throw new Error(`suite YAML: ${doc.errors[0].message}`);
    const data = doc.toJS() as {
      description: string;
      tests: Record<string, Record<string, unknown>>;
      zonedata?: Record<string, RawEntry[]>;
    } | null;
    if (!data) continue;
    const notes: string[] = [];
    const zone: Record<string, NameSpec | 'timeout'> = {};
    for (const [name, entries] of Object.entries(data.zonedata ?? {})) zone[name] = nameSpec(name, entries ?? [], notes);
    const cases = Object.entries(data.tests).map(([name, t]): SpfSuiteCase => ({
      name,
      scenario: data.description,
      host: String(t.host),
      mailfrom: t.mailfrom === undefined || t.mailfrom === null ? '' : String(t.mailfrom),
      helo: String(t.helo),
      results: toList(t.result),
      explanation: t.explanation === undefined ? undefined : String(t.explanation),
      spec: t.spec === undefined ? undefined : String(t.spec),
      description: typeof t.description === 'string' ? t.description : undefined,
    }));
    scenarios.push({ description: data.description, zone, notes, cases });
  }
  return scenarios;
}
