import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import mxCheck, { judgeMx, type MxInput } from './mx.js';

checkTester(mxCheck, {
  pass: [{ name: 'resolvable MX hosts at acme.test, null MX at notify.acme.test', lab: 'fixed' }],
  fail: [
    {
      name: 'a receiving domain without MX; a send-only domain without null MX',
      lab: 'default',
      expect: [
        { target: 'toomany.acme.test', messageId: 'noMx', severity: 'medium' },
        { target: 'neutral.acme.test', messageId: 'nullMxMissing', severity: 'low' },
      ],
    },
    {
      name: 'an address as MX; declarations that contradict DNS',
      lab: 'fixed',
      config: (raw) => {
        raw.email.domains = [
          { name: 'oddmx.acme.test', receives_mail: true },
          { name: 'acme.test', receives_mail: false },
          { name: 'notify.acme.test', receives_mail: true },
        ];
      },
      expect: [
        { target: 'oddmx.acme.test', messageId: 'mxIsAddress', severity: 'medium' },
        { target: 'acme.test', messageId: 'unexpectedMx', severity: 'low' },
        { target: 'notify.acme.test', messageId: 'nullMxOnReceiving', severity: 'high' },
      ],
    },
  ],
  error: [
    {
      name: 'SERVFAIL and timeout on MX, SERVFAIL on the MX host',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '400ms';
        raw.email = { domains: [{ name: 'dnsfail.hostile.test' }, { name: 'dnsslow.hostile.test' }, { name: 'mxfail.hostile.test', receives_mail: true }] };
      },
      expect: [{ target: 'dnsfail.hostile.test' }, { target: 'dnsslow.hostile.test' }, { target: 'mxfail.hostile.test' }],
    },
  ],
});

const resolved = (...a: string[]) => ({ status: 'ok' as const, a, aaaa: [], cnames: [] });
const missing = { status: 'nxdomain' as const, a: [], aaaa: [], cnames: [] };
const mx = (preference: number, exchange: string) => ({ preference, exchange });
const input = (over: Partial<MxInput>): MxInput => ({ status: 'ok', records: [], hosts: {}, ...over });
const ids = (v: ReturnType<typeof judgeMx>) => (v.ok ? [] : v.findings.map((f) => `${f.messageId}:${f.severity ?? 'medium'}`));

describe('judgeMx', () => {
  it.each([
    ['receiving, hosts resolve', input({ declared: true, records: [mx(10, 'a.test'), mx(20, 'b.test')], hosts: { 'a.test': resolved('192.0.2.1'), 'b.test': resolved('192.0.2.2') } }), []],
    ['receiving, no MX', input({ declared: true, status: 'nodata' }), ['noMx:medium']],
    ['receiving, domain missing', input({ declared: true, status: 'nxdomain' }), ['noMx:medium']],
    ['receiving, null MX', input({ declared: true, records: [mx(0, '.')] }), ['nullMxOnReceiving:high']],
    ['receiving, one host of two missing', input({ declared: true, records: [mx(10, 'a.test'), mx(20, 'b.test')], hosts: { 'a.test': resolved('192.0.2.1'), 'b.test': missing } }), ['unresolvableHost:medium']],
    ['receiving, every host missing', input({ declared: true, records: [mx(10, 'a.test')], hosts: { 'a.test': missing } }), ['unresolvableHost:high']],
    ['receiving, only an address', input({ declared: true, records: [mx(10, '192.0.2.25')] }), ['mxIsAddress:high']],
    ['receiving, null MX among hosts', input({ declared: true, records: [mx(0, '.'), mx(10, 'a.test')], hosts: { 'a.test': resolved('192.0.2.1') } }), ['nullMxMixed:medium']],
    ['send-only, null MX', input({ declared: false, records: [mx(0, '.')] }), []],
    ['send-only, no MX', input({ declared: false, status: 'nodata' }), ['nullMxMissing:low']],
    ['send-only, MX hosts', input({ declared: false, records: [mx(10, 'a.test')] }), ['unexpectedMx:low']],
    ['undeclared, hosts resolve', input({ records: [mx(10, 'a.test')], hosts: { 'a.test': resolved('192.0.2.1') } }), []],
    ['undeclared, null MX', input({ records: [mx(0, '.')] }), []],
    ['undeclared, no MX', input({ status: 'nodata' }), ['nullMxMissing:low']],
  ])('%s', (_name, given, expected) => {
    expect(ids(judgeMx(given))).toEqual(expected);
  });

  it('notes an MX host that is an alias and passes', () => {
    const v = judgeMx(input({ declared: true, records: [mx(10, 'alias.test')], hosts: { 'alias.test': { status: 'ok', a: ['192.0.2.1'], aaaa: [], cnames: ['real.test'] } } }));
    expect(v).toMatchObject({ ok: true, evidence: { mx: ['10 alias.test'], role: 'receiving', notes: [expect.stringContaining('RFC 2181')] } });
  });
});
