import { describe, expect, it } from 'vitest';
import { isDmarcRecord, parseDmarcRecord, parseDmarcUri } from './parse.js';

describe('parseDmarcRecord (RFC 7489 §6.3)', () => {
  it('reads every RFC 7489 tag', () => {
    const r = parseDmarcRecord('v=DMARC1; p=reject; sp=quarantine; rua=mailto:agg@example.com!10m; ruf=mailto:f@example.com; pct=50; adkim=s; aspf=r; fo=1:d; rf=afrf; ri=3600');
    expect(r.usable).toBe(true);
    expect(r.problems).toEqual([]);
    expect(r.record).toMatchObject({
      p: 'reject', sp: 'quarantine', pct: 50, adkim: 's', aspf: 'r', fo: ['1', 'd'], rf: 'afrf', ri: 3600, testing: false,
      rua: [{ uri: 'mailto:agg@example.com', scheme: 'mailto', host: 'example.com', maxSize: '10m' }],
      ruf: [{ uri: 'mailto:f@example.com', host: 'example.com' }],
    });
    // pct, rf and ri are gone in DMARCbis: accepted and noted.
    expect(r.notes.filter((n) => n.includes('removed by DMARCbis'))).toHaveLength(3);
  });

  it('reads the DMARCbis additions np, psd and t', () => {
    const r = parseDmarcRecord('v=DMARC1; p=reject; np=reject; psd=n; t=y; rua=mailto:a@example.com');
    expect(r.problems).toEqual([]);
    expect(r.record).toMatchObject({ np: 'reject', psd: 'n', testing: true });
    expect(r.notes.filter((n) => n.includes('DMARCbis (RFC 9989) tag'))).toHaveLength(3);
  });

  it('defaults what is absent', () => {
    const r = parseDmarcRecord('v=DMARC1; p=none');
    expect(r.record).toMatchObject({ p: 'none', pct: 100, adkim: 'r', aspf: 'r', fo: ['0'], rua: [], ruf: [], testing: false });
    expect(r.record.sp).toBeUndefined();
  });

  it.each([
    ['v not first', 'p=reject; v=DMARC1', false, 'v'],
    ['wrong version', 'v=DMARC2; p=reject', false, 'v'],
    ['missing p, no rua', 'v=DMARC1; sp=reject', false, 'p'],
    ['invalid p, no rua', 'v=DMARC1; p=block', false, 'p'],
    ['invalid p with rua (acts as none)', 'v=DMARC1; p=block; rua=mailto:a@example.com', true, 'p'],
    ['invalid sp', 'v=DMARC1; p=reject; sp=nope', true, 'sp'],
    ['pct above 100', 'v=DMARC1; p=reject; pct=150', true, 'pct'],
    ['pct not a number', 'v=DMARC1; p=reject; pct=half', true, 'pct'],
    ['bad adkim', 'v=DMARC1; p=reject; adkim=x', true, 'adkim'],
    ['bad fo', 'v=DMARC1; p=reject; fo=2', true, 'fo'],
    ['bad rf', 'v=DMARC1; p=reject; rf=iodef', true, 'rf'],
    ['bad ri', 'v=DMARC1; p=reject; ri=daily', true, 'ri'],
    ['bad rua', 'v=DMARC1; p=reject; rua=agg@example.com', true, 'rua'],
    ['bad np', 'v=DMARC1; p=reject; np=drop', true, 'np'],
    ['bad psd', 'v=DMARC1; p=reject; psd=maybe', true, 'psd'],
    ['bad t', 'v=DMARC1; p=reject; t=1', true, 't'],
  ])('%s', (_name, text, usable, tag) => {
    const r = parseDmarcRecord(text);
    expect(r.usable).toBe(usable);
    expect(r.problems.map((p) => p.tag)).toContain(tag);
  });

  it('ignores unknown tags with a note and is case-insensitive in names and policies', () => {
    const r = parseDmarcRecord('v=DMARC1; P=Reject; foo=bar');
    expect(r.usable).toBe(true);
    expect(r.record.p).toBe('reject');
    expect(r.notes).toContain('unknown tag "foo" is ignored (RFC 7489 §6.3)');
  });

  it.each([
    ['v=DMARC1; p=none', true],
    ['v=DMARC1', true],
    ['v=spf1 -all', false],
    ['google-site-verification=abc', false],
  ])('isDmarcRecord(%j) = %s', (text, expected) => {
    expect(isDmarcRecord(text)).toBe(expected);
  });
});

describe('parseDmarcUri', () => {
  it.each([
    ['mailto:dmarc@example.com', { scheme: 'mailto', host: 'example.com' }],
    ['mailto:dmarc@Reports.Example.com!50k', { host: 'reports.example.com', maxSize: '50k' }],
    ['https://reports.example.com/dmarc', { scheme: 'https', host: 'reports.example.com' }],
    ['mailto:nobody', { error: expect.stringContaining('mailto') }],
    ['dmarc@example.com', { error: expect.stringContaining('not a URI') }],
    ['mailto:a@example.com!!10m', { error: expect.stringContaining('size') }],
  ])('%s', (text, expected) => {
    expect(parseDmarcUri(text)).toMatchObject(expected);
  });
});
