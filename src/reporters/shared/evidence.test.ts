import { describe, expect, it } from 'vitest';
import { evidenceLines, formatValue } from './evidence.js';

describe('formatValue', () => {
  it.each([
    ['string', 'x', '', 'x'],
    ['number', 3, '', '3'],
    ['boolean', false, '', 'false'],
    ['null', null, '', 'null'],
    ['date', new Date('2025-01-02T03:04:05Z'), '', '2025-01-02T03:04:05.000Z'],
    ['empty list', [], '', '(none)'],
    ['list', ['a', 'b'], 'names', 'a, b'],
    ['chain', ['http://a', 'https://a', 'https://b'], 'chain', 'http://a → https://a → https://b'],
    ['redirect hops', [{ url: 'http://a', status: 301 }, { url: 'https://b', status: 200 }], 'hops', 'http://a (301) → https://b (200)'],
    ['object', { host: 'a', bytes: 2 }, '', '{ host: a, bytes: 2 }'],
    ['deep object', { a: { b: { c: { d: 1 } } } }, '', '{ a: { b: { c: {"d":1} } } }'],
  ])('%s', (_name, value, key, want) => {
    expect(formatValue(value, key)).toBe(want);
  });
});

describe('evidenceLines', () => {
  it('puts actual beside expected, in the expected key’s place', () => {
    expect(evidenceLines({ header: 'h', expected: '≤ 1 hop', actual: 3, chain: ['a', 'b'] })).toEqual([
      { key: 'header', value: 'h' },
      { key: 'expected', value: '≤ 1 hop · actual: 3' },
      { key: 'chain', value: 'a → b' },
    ]);
  });

  it('keeps expected or actual alone when the other is missing', () => {
    expect(evidenceLines({ actual: 3 })).toEqual([{ key: 'actual', value: '3' }]);
  });

  it('skips undefined values and handles no evidence', () => {
    expect(evidenceLines({ a: undefined, b: 1 })).toEqual([{ key: 'b', value: '1' }]);
    expect(evidenceLines(undefined)).toEqual([]);
  });

  it('caps long values and many lines', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));
    const lines = evidenceLines(many);
    expect(lines).toHaveLength(16);
    expect(lines[0].value.length).toBe(400);
    expect(lines[15]).toEqual({ key: '…', value: '15 more in the JSON report' });
  });
});
