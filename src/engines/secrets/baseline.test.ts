import { describe, expect, it } from 'vitest';
import { BaselineError, formatBaseline, parseBaseline } from './baseline.js';

describe('baseline files', () => {
  it('round-trips fingerprints only, sorted and deduplicated', () => {
    const text = formatBaseline(['bbbbbbbbbbbbbbbb', 'aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
    expect(JSON.parse(text)).toEqual({ version: 1, tool: 'launchready', kind: 'secrets', fingerprints: ['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb'] });
    expect(parseBaseline(text)).toEqual(['aaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbb']);
  });

  it.each([
    ['a plain list', '["0123456789abcdef"]', ['0123456789abcdef']],
    ['a JSON result (failures only)', JSON.stringify({ results: [{ status: 'fail', fingerprint: '0123456789' }, { status: 'pass', fingerprint: 'ffffffffff' }] }), ['0123456789']],
  ])('reads %s', (_n, text, want) => {
    expect(parseBaseline(text)).toEqual(want);
  });

  it.each([
    ['not JSON', 'nope'],
    ['a value instead of a hash', '["ghp_notahash"]'],
    ['an object of the wrong shape', '{"a":1}'],
  ])('refuses %s', (_n, text) => {
    expect(() => parseBaseline(text)).toThrow(BaselineError);
  });
});
