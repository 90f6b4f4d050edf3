import { describe, expect, it } from 'vitest';
import { hasVersionTag, joinTxt, parseTagList, tagValue } from './tag-list.js';

describe('parseTagList', () => {
  it.each([
    ['v=DKIM1; k=rsa; p=abc', [['v', 'DKIM1'], ['k', 'rsa'], ['p', 'abc']], 0],
    [' v = DMARC1 ;p=none;', [['v', 'DMARC1'], ['p', 'none']], 0],
    ['a=1;;b=2', [['a', '1'], ['b', '2']], 0],
    ['a=1; b', [['a', '1']], 1],
    ['a=1; 9x=2', [['a', '1']], 1],
    ['a=1; a=2', [['a', '1'], ['a', '2']], 1],
    ['', [], 0],
  ])('%j', (record, tags, problems) => {
    const list = parseTagList(record);
    expect(list.tags.map((t) => [t.name, t.value])).toEqual(tags);
    expect(list.problems).toHaveLength(problems);
  });

  it('keeps positions and lower-cases names on request', () => {
    const list = parseTagList('V=DMARC1; P=reject', { lowerCaseNames: true });
    expect(list.tags.map((t) => [t.name, t.start, t.end])).toEqual([['v', 0, 8], ['p', 10, 18]]);
    expect(tagValue(list, 'p')).toBe('reject');
  });
});

describe('joinTxt / hasVersionTag', () => {
  it('joins character-strings without separators', () => {
    expect(joinTxt(['v=DMARC1; p=re', 'ject'])).toBe('v=DMARC1; p=reject');
    expect(joinTxt('x')).toBe('x');
  });
  it.each([
    ['v=DMARC1; p=none', 'DMARC1', true],
    ['v=DMARC1', 'DMARC1', true],
    ['v = DMARC1 ;p=none', 'DMARC1', true],
    ['v=DMARC10; p=none', 'DMARC1', false],
    ['v=dmarc1; p=none', 'DMARC1', false],
    ['p=none; v=DMARC1', 'DMARC1', false],
    ['v=STSv1; id=1', 'STSv1', true],
  ])('%j starts with v=%s: %s', (text, version, expected) => {
    expect(hasVersionTag(text, version)).toBe(expected);
  });
});
