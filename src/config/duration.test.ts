import { describe, expect, it } from 'vitest';
import { DurationError, formatDuration, parseDuration } from './duration.js';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['60s', 60_000],
    ['5m', 300_000],
    ['2h', 7_200_000],
    ['30d', 2_592_000_000],
    ['1w', 604_800_000],
    ['0m', 0],
    ['1.5s', 1_500],
    ['1h30m', 5_400_000],
    ['1h 30m', 5_400_000],
    [' 5s ', 5_000],
    ['5000', 5_000],
    [5000, 5_000],
    [0, 0],
    [12.4, 12],
  ] as const)('%j → %d ms', (input, ms) => {
    expect(parseDuration(input)).toBe(ms);
  });

  it.each([
    ['', /empty/],
    ['5 minutes', /unknown unit "minutes"/],
    ['5M', /unknown unit "M"/],
    ['1h30', /"30" has no unit/],
    ['-5s', /negative/],
    [-1, /≥ 0/],
    [Number.NaN, /finite/],
    ['s', /cannot read "s"/],
    ['5s5s', /appears twice/],
    ['abc', /cannot read/],
    ['99999999999999999d', /too large/],
  ] as const)('%j is refused (%s)', (input, reason) => {
    let err: unknown;
    try {
      parseDuration(input);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DurationError);
    expect((err as DurationError).message).toMatch(reason);
    // The message always shows valid forms, so the fix is in the error.
    expect((err as DurationError).message).toContain('500ms, 60s, 5m');
    expect((err as DurationError).code).toBe('LR_CONFIG_DURATION');
  });
});

describe('formatDuration', () => {
  it.each([
    [300_000, '5m'],
    [500, '500ms'],
    [1_500, '1500ms'],
    [86_400_000, '1d'],
    [0, '0ms'],
  ])('%d → %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});
