import { describe, expect, it } from 'vitest';
import { expandTokens, type MacroValues, tokenizeMacroString } from './macro.js';
import { dotFormat, parseClientIp, readableFormat, reverseName } from './ip.js';

/** RFC 7208 §7.4's examples: sender strong-bad@email.example.com, client 192.0.2.3 or 2001:db8::cb01. */
function values(ip: string): MacroValues {
  const addr = parseClientIp(ip)!;
  return {
    sender: 'strong-bad@email.example.com',
    local: 'strong-bad',
    senderDomain: 'email.example.com',
    domain: 'email.example.com',
    ipDotted: dotFormat(addr),
    ipReadable: readableFormat(addr),
    ipVersionLabel: addr.version === 4 ? 'in-addr' : 'ip6',
    helo: 'mx.example.org',
    receiver: 'mx.receiver.test',
    timestamp: 1_700_000_000,
    validatedName: async () => 'mx.example.com',
  };
}

const expand = async (text: string, ip = '192.0.2.3', kind: 'domain' | 'explanation' = 'domain') => {
  const t = tokenizeMacroString(text, kind);
  if (!t.ok) throw new Error(t.error);
  return expandTokens(t.tokens, values(ip));
};

describe('macro expansion (RFC 7208 §7.4 examples)', () => {
  it.each([
    ['%{s}', 'strong-bad@email.example.com'],
    ['%{o}', 'email.example.com'],
    ['%{d}', 'email.example.com'],
    ['%{d4}', 'email.example.com'],
    ['%{d3}', 'email.example.com'],
    ['%{d2}', 'example.com'],
    ['%{d1}', 'com'],
    ['%{dr}', 'com.example.email'],
    ['%{d2r}', 'example.email'],
    ['%{l}', 'strong-bad'],
    ['%{l-}', 'strong.bad'],
    ['%{lr}', 'strong-bad'],
    ['%{lr-}', 'bad.strong'],
    ['%{l1r-}', 'strong'],
    ['%{ir}.%{v}._spf.%{d2}', '3.2.0.192.in-addr._spf.example.com'],
    ['%{lr-}.lp._spf.%{d2}', 'bad.strong.lp._spf.example.com'],
    ['%{lr-}.lp.%{ir}.%{v}._spf.%{d2}', 'bad.strong.lp.3.2.0.192.in-addr._spf.example.com'],
    ['%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}', '3.2.0.192.in-addr.strong.lp._spf.example.com'],
    ['%{d2}.trusted-domains.example.net', 'example.com.trusted-domains.example.net'],
    ['%{p}.%{h}', 'mx.example.com.mx.example.org'],
    ['%%%_%-', '% %20'],
  ])('%s → %s', async (text, out) => expect(await expand(text)).toBe(out));

  it('expands IPv6 as nibbles', async () => {
    expect(await expand('%{ir}.%{v}._spf.%{d2}', '2001:db8::cb01')).toBe(
      '1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com',
    );
  });

  it('URL-escapes upper-case letters and expands c, r, t in explanations', async () => {
    expect(await expand('%{S} %{c} %{r} %{t}', '2001:db8::cb01', 'explanation')).toBe(
      'strong-bad%40email.example.com 2001:db8::cb01 mx.receiver.test 1700000000',
    );
  });

  it.each([
    ['%{c}', 'domain'],
    ['%{x}', 'explanation'],
    ['%{d0}', 'domain'],
    ['%(d)', 'domain'],
    ['%', 'domain'],
    ['%{d', 'domain'],
    ['a b', 'domain'],
    ['caf\u00e9', 'explanation'],
  ] as const)('rejects %j in %s text', (text, kind) => {
    expect(tokenizeMacroString(text, kind).ok).toBe(false);
  });
});

describe('IP forms', () => {
  it.each([
    ['192.0.2.3', '192.0.2.3', '3.2.0.192.in-addr.arpa'],
    ['::FFFF:1.2.3.4', '1.2.3.4', '4.3.2.1.in-addr.arpa'],
    ['CAFE:BABE::1', 'cafe:babe::1', '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.e.b.a.b.e.f.a.c.ip6.arpa'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', '1.0.0.0.0.0.0.0.0.0.0.0.1.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa'],
  ])('%s reads %s and reverses to %s', (ip, readable, reverse) => {
    const a = parseClientIp(ip)!;
    expect(readableFormat(a)).toBe(readable);
    expect(reverseName(a)).toBe(reverse);
  });

  it.each(['1.2.3', '01.2.3.4', '256.1.1.1', ':1::', '1::2::3', 'x', '1:2:3:4:5:6:7:8:9'])('rejects %s', (ip) => {
    expect(parseClientIp(ip)).toBeUndefined();
  });
});
