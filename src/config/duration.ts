/**
 * Human durations (`500ms`, `60s`, `5m`, `2h`, `30d`, `1h30m`) → milliseconds. A bare number
 * (YAML `5000` or the string `"5000"`) is milliseconds, the unit every `…Ms` field uses.
 */

/** Milliseconds per unit. Months and years are left out on purpose: their length varies. */
const UNIT_MS: Readonly<Record<string, number>> = Object.freeze({
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
});

/** The examples every duration error shows, so the fix is in the message. */
export const DURATION_EXAMPLES = '500ms, 60s, 5m, 2h, 30d';

/** Thrown by {@link parseDuration}; the message says what was wrong and shows valid forms. */
export class DurationError extends Error {
  override readonly name = 'DurationError';
  readonly code = 'LR_CONFIG_DURATION';
  /** The reason without the offending value, for contexts where the value may be secret. */
  readonly reason: string;

  constructor(input: string, reason: string) {
    super(`"${input}" is not a duration: ${reason} (write a number and a unit: ${DURATION_EXAMPLES})`);
    this.reason = reason;
  }
}

/**
 * Parses a duration into whole milliseconds (fractions are rounded: `1.5s` → 1500).
 * @throws {DurationError} on anything else: negative, unknown or missing unit, empty, too large.
 */
export function parseDuration(input: string | number): number {
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0) throw new DurationError(String(input), 'it must be a finite number ≥ 0');
    return Math.round(input);
  }
  const text = input.trim();
  if (text === '') throw new DurationError(input, 'it is empty');
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  if (text.startsWith('-')) throw new DurationError(input, 'durations cannot be negative');

  // One `<number><unit>` part; a duration is one or more of them (`1h30m`, `1.5s`), spaces
  // allowed. Built per call: a sticky regex carries `lastIndex`, which must not live at module level.
  const PART = /(\d+(?:\.\d+)?)\s*([a-zA-Zµ]*)/y;
  let total = 0;
  let pos = 0;
  const seen = new Set<string>();
  while (pos < text.length) {
    PART.lastIndex = pos;
    const m = PART.exec(text);
    if (!m) throw new DurationError(input, `cannot read "${text.slice(pos)}"`);
    const [, amount, unit] = m;
    if (unit === '') throw new DurationError(input, `"${amount}" has no unit`);
    const size = UNIT_MS[unit];
    if (size === undefined) {
      throw new DurationError(input, `unknown unit "${unit}" (units: ${Object.keys(UNIT_MS).join(', ')})`);
    }
    if (seen.has(unit)) throw new DurationError(input, `unit "${unit}" appears twice`);
    seen.add(unit);
    total += Number(amount) * size;
    pos = PART.lastIndex;
    while (text[pos] === ' ') pos++;
  }
  if (total > Number.MAX_SAFE_INTEGER) throw new DurationError(input, 'it is too large');
  return Math.round(total);
}

/** Formats milliseconds back into the largest exact unit (`300000` → `5m`), for messages. */
export function formatDuration(ms: number): string {
  for (const unit of ['w', 'd', 'h', 'm', 's'] as const) {
    const size = UNIT_MS[unit];
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
