/**
 * Baseline files: the fingerprints of findings accepted as known, and nothing else — no values,
 * no redacted forms, no paths. `launchready secrets --write-baseline` writes one; `--baseline`
 * reads it, or any launchready JSON result, or a plain JSON list of fingerprints.
 */

/** What `--write-baseline` writes. */
export interface BaselineFile {
  version: 1;
  tool: 'launchready';
  kind: 'secrets';
  fingerprints: string[];
}

const FINGERPRINT = /^[0-9a-f]{8,64}$/;

/** Malformed baseline content. */
export class BaselineError extends Error {
  readonly code = 'BAD_BASELINE';
}

/**
 * Fingerprints from a baseline's text: `{ fingerprints: [...] }`, `[...]`, or a JSON result
 * (`{ results: [{ status: 'fail', fingerprint }] }`). @throws {BaselineError}
 */
export function parseBaseline(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`not JSON: ${(err as Error).message}`);
  }
  let list: unknown[];
  if (Array.isArray(data)) list = data;
  else if (data && typeof data === 'object' && Array.isArray((data as BaselineFile).fingerprints)) {
    list = (data as BaselineFile).fingerprints;
  } else if (data && typeof data === 'object' && Array.isArray((data as { results?: unknown[] }).results)) {
    list = ((data as { results: { status?: unknown; fingerprint?: unknown }[] }).results)
      .filter((r) => r && r.status === 'fail')
      .map((r) => r.fingerprint);
  } else {
    throw new BaselineError('expected { "fingerprints": [...] }, a list of fingerprints, or a launchready JSON result');
  }
  const out: string[] = [];
  for (const v of list) {
    if (typeof v !== 'string' || !FINGERPRINT.test(v)) {
      throw new BaselineError('every entry must be a fingerprint (8–64 lower-case hex digits)');
    }
    out.push(v);
  }
  return out;
}

/** The baseline document for `fingerprints` (sorted, deduplicated), as pretty JSON. */
export function formatBaseline(fingerprints: Iterable<string>): string {
  const doc: BaselineFile = { version: 1, tool: 'launchready', kind: 'secrets', fingerprints: [...new Set(fingerprints)].sort() };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
