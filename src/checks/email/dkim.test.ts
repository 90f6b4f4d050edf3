import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import dkim, { abbreviateKeyRecord, judgeSelector } from './dkim.js';

checkTester(dkim, {
  pass: [
    { name: 'declared 2048-bit RSA and Ed25519 keys', lab: 'fixed' },
    {
      name: 'a key found at a common selector when none is declared',
      lab: 'fixed',
      config: (raw) => { raw.email.domains = [{ name: 'notify.acme.test' }]; },
      targets: ['k1._domainkey.notify.acme.test'],
    },
  ],
  fail: [
    {
      name: '512-bit key; nothing at any common selector',
      lab: 'default',
      expect: [
        { target: 's1._domainkey.toomany.acme.test', messageId: 'weakKey', severity: 'high' },
        { target: 'neutral.acme.test', messageId: 'noSelectorFound', severity: 'low' },
      ],
    },
    {
      name: 'a declared selector without a key',
      lab: 'fixed',
      config: (raw) => { raw.email.domains = [{ name: 'acme.test', dkim_selectors: ['s1', 'gone'] }]; },
      expect: [{ target: 'gone._domainkey.acme.test', messageId: 'missing', severity: 'high' }],
    },
  ],
  error: [
    {
      name: 'SERVFAIL and timeout at declared selectors, SERVFAIL while guessing',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '400ms';
        raw.email = {
          domains: [
            { name: 'dnsfail.hostile.test', dkim_selectors: ['s1'] },
            { name: 'dnsslow.hostile.test', dkim_selectors: ['s1'] },
          ],
        };
      },
      expect: [{ target: 's1._domainkey.dnsfail.hostile.test' }, { target: 's1._domainkey.dnsslow.hostile.test' }],
    },
    {
      name: 'a guessed selector SERVFAILs and nothing else is found',
      lab: 'hostile',
      config: (raw) => { raw.email = { domains: [{ name: 'dnsfail.hostile.test' }] }; },
      expect: [{ target: 'dnsfail.hostile.test' }],
    },
  ],
});

const rsa = (bits: number) =>
  generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
const K512 = rsa(512);
const K1024 = rsa(1024);
const K2048 = rsa(2048);
const ED = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64');

const NAME = 's1._domainkey.example.com';
const found = (...texts: string[]) => ({ kind: 'found' as const, texts, cnames: [] });
const ids = (v: ReturnType<typeof judgeSelector>) => (v.ok ? [] : v.findings.map((f) => `${f.messageId}:${f.severity ?? 'high'}`));

describe('judgeSelector', () => {
  it.each([
    ['RSA 2048', found(`v=DKIM1; k=rsa; p=${K2048}`), []],
    ['Ed25519', found(`v=DKIM1; k=ed25519; p=${ED}`), []],
    ['RSA 1024', found(`v=DKIM1; p=${K1024}`), ['shortKey:low']],
    ['RSA 512', found(`v=DKIM1; p=${K512}`), ['weakKey:high']],
    ['revoked', found('v=DKIM1; p='), ['revoked:high']],
    ['bad base64', found('v=DKIM1; p=@@@notbase64'), ['invalid:high']],
    ['testing flag', found(`v=DKIM1; t=y; p=${K2048}`), ['testing:low']],
    ['NXDOMAIN', { kind: 'absent' as const, status: 'nxdomain' }, ['missing:high']],
    ['only unrelated TXT', found('v=spf1 -all'), ['missing:high']],
    ['two key records', found(`v=DKIM1; p=${K2048}`, `v=DKIM1; p=${K1024}`), ['invalid:high']],
    ['unrelated TXT beside the key', found('google-site-verification=x', `v=DKIM1; p=${K2048}`), []],
  ])('%s', (_name, answer, expected) => {
    expect(ids(judgeSelector(NAME, answer))).toEqual(expected);
  });

  it('reads the size from the key and shows an abbreviated record', () => {
    const v = judgeSelector(NAME, { kind: 'found', texts: [`v=DKIM1; k=rsa; p=${K2048}`], cnames: ['s1.dkim.provider.test'] });
    expect(v).toMatchObject({ ok: true, evidence: { keyType: 'rsa', bits: 2048, foundVia: [NAME, 's1.dkim.provider.test'] } });
    expect((v as unknown as { evidence: { record: string } }).evidence.record).toMatch(/^v=DKIM1; k=rsa; p=MIIBIjAN\S*…\(392 characters\)$/);
    expect(abbreviateKeyRecord('v=DKIM1; p=')).toBe('v=DKIM1; p=');
  });
});
