import { describe, expect, it } from 'vitest';
import { classifyMx, formatMx, isIpLiteral, isNullMx, receivesMail } from './mx.js';

const mx = (preference: number, exchange: string) => ({ preference, exchange });

describe('classifyMx', () => {
  it.each([
    ['no records', [], 'none'],
    ['null MX', [mx(0, '.')], 'null'],
    ['null MX decoded as empty name', [mx(0, '')], 'null'],
    ['hosts', [mx(20, 'mx2.example.com'), mx(10, 'mx1.example.com')], 'hosts'],
    ['null among hosts', [mx(0, '.'), mx(10, 'mx1.example.com')], 'hosts'],
  ])('%s', (_name, records, kind) => {
    expect(classifyMx(records).kind).toBe(kind);
  });

  it('orders hosts by preference and flags IP literals and mixed null MX', () => {
    const shape = classifyMx([mx(20, 'MX2.example.com.'), mx(10, '192.0.2.1'), mx(0, '.')]);
    expect(shape).toEqual({
      kind: 'hosts',
      nullMixed: true,
      hosts: [
        { preference: 10, exchange: '192.0.2.1', ipLiteral: true },
        { preference: 20, exchange: 'mx2.example.com', ipLiteral: false },
      ],
    });
  });
});

describe('MX helpers', () => {
  it.each([
    ['192.0.2.1', true], ['[192.0.2.1]', true], ['2001:db8::1', true], ['[IPv6:2001:db8::1]', true],
    ['mx.example.com', false], ['192.0.2.1.example.com', false],
  ])('isIpLiteral(%s) = %s', (ex, expected) => {
    expect(isIpLiteral(ex)).toBe(expected);
  });

  it('formats records as a zone file does', () => {
    expect(formatMx([mx(20, 'b.test'), mx(0, '.'), mx(10, 'a.test')])).toEqual(['0 .', '10 a.test', '20 b.test']);
    expect(isNullMx(mx(0, '.'))).toBe(true);
  });

  it.each([
    [true, 'none', true], [false, 'hosts', false], [undefined, 'hosts', true], [undefined, 'null', false], [undefined, 'none', false],
  ] as const)('receivesMail(%s, %s) = %s', (declared, kind, expected) => {
    const shape = kind === 'hosts' ? classifyMx([mx(10, 'a.test')]) : kind === 'null' ? classifyMx([mx(0, '.')]) : classifyMx([]);
    expect(receivesMail(declared, shape)).toBe(expected);
  });
});
