import { describe, expect, it } from 'vitest';
import { isSpfRecord, parseSpfRecord } from './parse.js';

describe('isSpfRecord', () => {
  it.each([
    ['v=spf1', true],
    ['v=spf1 -all', true],
    ['V=SpF1 ~all', true],
    ['v=spf10', false],
    ['v=spf1mx', false],
    [' v=spf1 -all', false],
    ['v=spf1\t-all', false],
    ['spf2.0/pra', false],
  ])('%j → %s', (text, ok) => expect(isSpfRecord(text)).toBe(ok));
});

describe('parseSpfRecord', () => {
  it('keeps every term with its position', () => {
    const p = parseSpfRecord('v=spf1  a/24//64 -include:_spf.example.net ip6:2001:db8::/32 redirect=x.example exp=why.%{d}');
    expect(p.errors).toEqual([]);
    expect(p.terms.map((t) => [t.text, t.start, t.end])).toEqual([
      ['a/24//64', 8, 16],
      ['-include:_spf.example.net', 17, 42],
      ['ip6:2001:db8::/32', 43, 60],
      ['redirect=x.example', 61, 79],
      ['exp=why.%{d}', 80, 92],
    ]);
    expect(p.mechanisms[0]).toMatchObject({ name: 'a', qualifier: '+', cidr4: 24, cidr6: 64 });
    expect(p.mechanisms[1]).toMatchObject({ name: 'include', qualifier: '-', domainSpec: '_spf.example.net' });
    expect(p.mechanisms[2]).toMatchObject({ name: 'ip6', cidr4: 32 });
    expect(p.redirect?.value).toBe('x.example');
    expect(p.exp?.value).toBe('why.%{d}');
  });

  it.each([
    // [record, offending term]
    ['v=spf1 ip4:1.2.3.4 -all moo', 'moo'],
    ['v=spf1 -all.', '-all.'],
    ['v=spf1 -all:foo', '-all:foo'],
    ['v=spf1 ptr/0', 'ptr/0'],
    ['v=spf1 a/33', 'a/33'],
    ['v=spf1 a//129', 'a//129'],
    ['v=spf1 a/24/64', 'a/24/64'],
    ['v=spf1 ip4:1.2.3.4/032', 'ip4:1.2.3.4/032'],
    ['v=spf1 ip4:1.2.3', 'ip4:1.2.3'],
    ['v=spf1 ip4:01.2.3.4', 'ip4:01.2.3.4'],
    ['v=spf1 ip4:1.2.3.4:8080', 'ip4:1.2.3.4:8080'],
    ['v=spf1 ip6::CAFE::BABE', 'ip6::CAFE::BABE'],
    ['v=spf1 include', 'include'],
    ['v=spf1 include:', 'include:'],
    ['v=spf1 include:ip5.example.com/24', 'include:ip5.example.com/24'],
    ['v=spf1 a:foo-bar', 'a:foo-bar'],
    ['v=spf1 a:111.222.33.44', 'a:111.222.33.44'],
    ['v=spf1 a:example.-com', 'a:example.-com'],
    ['v=spf1 a:museum.', 'a:museum.'],
    ['v=spf1 a:example.com:8080', 'a:example.com:8080'],
    ['v=spf1 exists:%{x}.example.com', 'exists:%{x}.example.com'],
    ['v=spf1 exists:%{d0}.example.com', 'exists:%{d0}.example.com'],
    ['v=spf1 exists:%(ir).example.com', 'exists:%(ir).example.com'],
    ['v=spf1 exists:%{c}.example.com', 'exists:%{c}.example.com'],
    ['v=spf1 redirect:x.example.com', 'redirect:x.example.com'],
    ['v=spf1 redirect=', 'redirect='],
    ['v=spf1 exp=-all', 'exp=-all'],
    ['v=spf1 1up=foo', '1up=foo'],
    ['v=spf1 =all', '=all'],
    ['v=spf1 foo=%abc', 'foo=%abc'],
    ['v=spf1 a:ctrl.example.com\rptr -all', 'a:ctrl.example.com\rptr'],
    ['v=spf1 \u0080a:example.net', '\u0080a:example.net'],
  ])('points %j at %j', (record, term) => {
    const p = parseSpfRecord(record);
    expect(p.errors.map((e) => e.term)).toEqual([term]);
    const e = p.errors[0];
    expect(record.slice(e.start, e.end)).toBe(term);
  });

  it('reports a second redirect or exp at the second one', () => {
    const p = parseSpfRecord('v=spf1 redirect=a.example redirect=b.example');
    expect(p.errors).toMatchObject([{ term: 'redirect=b.example', start: 26 }]);
  });

  it.each([
    'v=spf1 moo.cow-far_out=man:dog/cat ip4:1.2.3.4 -all',
    'v=spf1 a:foo:bar/baz.example.com',
    'v=spf1 a:foo.example.xn--zckzah -all',
    'v=spf1 a:mail.example...com',
    'v=spf1 exists:%{i}.%{l2r-}.user.%{d2}',
    'v=spf1 a:macro%%percent%_%_space%-url-space.example.com',
    'v=spf1 -all exp=msg8.%{D2}',
    'v=spf1 ',
    'v=spf1',
  ])('accepts %j', (record) => {
    expect(parseSpfRecord(record).errors).toEqual([]);
  });
});
