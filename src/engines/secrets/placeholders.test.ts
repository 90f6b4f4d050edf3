import { describe, expect, it } from 'vitest';
import { Rand } from './__fixtures__/random.js';
import { shannonEntropy } from './entropy.js';
import { looksLikePlaceholder } from './placeholders.js';

describe('looksLikePlaceholder', () => {
  it.each([
    'AKIAIOSFODNN7EXAMPLE', 'xxxxxxxxxxxxxxxx', 'XXXX-XXXX', '<token>', '${API_TOKEN}', '{{ secrets.X }}',
    'changeme', 'CHANGEME', 'your-api-key', 'YOUR_API_KEY', 'YourApiKeyHere', 'password', 'secret',
    '$DB_PASSWORD', '%DB_PASSWORD%', '********', 'sk_live_...', 'abc…', '0000000000000000', 'aaaaaaaa',
    'abababababab', 'key-0123456789abcdef', 'dummy-token-value', 'not-a-real-key', 'REDACTED',
  ])('%s is a placeholder', (v) => {
    expect(looksLikePlaceholder(v)).toBe(true);
  });

  it('lets real-shaped random values through (10,000 samples of 20–200 characters)', () => {
    const r = new Rand(3);
    let refused = 0;
    for (let i = 0; i < 10_000; i++) if (looksLikePlaceholder(r.alnum(r.int(20, 200)))) refused += 1;
    expect(refused).toBeLessThan(10);
  });
});

describe('shannonEntropy', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['abab', 1],
    ['abcd', 2],
  ])('%s → %d bits', (s, bits) => {
    expect(shannonEntropy(s)).toBeCloseTo(bits, 6);
  });
});
