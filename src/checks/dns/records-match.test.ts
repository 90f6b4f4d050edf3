import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import type { HostAddresses } from '../../probes/types.js';
import recordsMatch, { judgeRecords } from './records-match.js';

checkTester(recordsMatch, {
  pass: [
    { name: 'fixed: every host resolves as declared', lab: 'fixed' },
    { name: 'api matches its declared CNAME', lab: 'default', targets: ['api.acme.test', 'app.acme.test', 'acme.test'] },
  ],
  fail: [
    {
      name: 'status resolves to 127.0.0.1, 127.0.0.9 declared',
      lab: 'default',
      expect: [{ target: 'status.acme.test', messageId: 'wrongAddress', severity: 'blocker' }],
    },
    {
      name: 'a dangling CNAME is NXDOMAIN',
      lab: 'default',
      config: (raw) => { raw.environments.production.hosts.push({ name: 'docs.acme.test' }); },
      expect: [{ target: 'docs.acme.test', messageId: 'nxdomain' }],
    },
    {
      name: 'an unknown name is NXDOMAIN',
      lab: 'default',
      config: (raw) => { raw.environments.production.hosts.push({ name: 'nothing-here.acme.test' }); },
      expect: [{ target: 'nothing-here.acme.test', messageId: 'nxdomain' }],
    },
    {
      name: 'wrong declared CNAME',
      lab: 'fixed',
      config: (raw) => { raw.environments.production.hosts[3].expect = { cname: 'edge.other-cdn.test' }; },
      expect: [{ target: 'api.acme.test', messageId: 'wrongCname' }],
    },
  ],
  error: [
    {
      name: 'DNS times out or SERVFAILs',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments.production.hosts = [{ name: 'timeout.hostile.test' }, { name: 'servfail.hostile.test' }, { name: 'slow.hostile.test' }];
      },
      expect: [{ target: 'timeout.hostile.test' }, { target: 'servfail.hostile.test' }],
    },
  ],
});

const host = (over: Partial<HostAddresses>): HostAddresses => ({ name: 'h.example', status: 'ok', cnames: [], a: [], aaaa: [], ...over });

describe('judgeRecords', () => {
  it.each([
    { name: 'resolves, nothing declared', got: host({ a: ['192.0.2.1'] }), expect: undefined },
    { name: 'A set equal in another order', got: host({ a: ['192.0.2.2', '192.0.2.1'] }), expect: { a: ['192.0.2.1', '192.0.2.2'] } },
    { name: 'AAAA in another spelling', got: host({ aaaa: ['2001:db8::1'] }), expect: { aaaa: ['2001:DB8:0:0::1'] } },
    { name: 'first CNAME declared, trailing dot and case', got: host({ cnames: ['edge.cdn.example', 'x.cdn.example'], a: ['192.0.2.1'] }), expect: { cname: 'Edge.CDN.example.' } },
    { name: 'IPv6-only host', got: host({ aaaa: ['2001:db8::5'] }), expect: undefined },
  ])('passes: $name', ({ got, expect: e }) => {
    expect(judgeRecords(got, e).ok).toBe(true);
  });

  it.each([
    { name: 'NXDOMAIN', got: host({ status: 'nxdomain' }), expect: undefined, ids: ['nxdomain'] },
    { name: 'NXDOMAIN at the end of a chain', got: host({ status: 'nxdomain', cnames: ['gone.example'] }), expect: undefined, ids: ['nxdomain'] },
    { name: 'NODATA', got: host({ status: 'nodata' }), expect: undefined, ids: ['noAddress'] },
    { name: 'wrong A', got: host({ a: ['127.0.0.1'] }), expect: { a: ['127.0.0.9'] }, ids: ['wrongAddress'] },
    { name: 'one A too many', got: host({ a: ['192.0.2.1', '192.0.2.9'] }), expect: { a: ['192.0.2.1'] }, ids: ['wrongAddress'] },
    { name: 'AAAA declared, none served', got: host({ a: ['192.0.2.1'] }), expect: { aaaa: ['2001:db8::1'] }, ids: ['wrongAddress'] },
    { name: 'no CNAME where one is declared', got: host({ a: ['192.0.2.1'] }), expect: { cname: 'edge.cdn.example' }, ids: ['wrongCname'] },
    { name: 'declared CNAME second in the chain', got: host({ cnames: ['a.example', 'edge.cdn.example'], a: ['192.0.2.1'] }), expect: { cname: 'edge.cdn.example' }, ids: ['wrongCname'] },
    { name: 'wrong CNAME and wrong A', got: host({ cnames: ['b.example'], a: ['192.0.2.1'] }), expect: { cname: 'a.example', a: ['192.0.2.2'] }, ids: ['wrongAddress', 'wrongCname'] },
    { name: 'dangling declared CNAME', got: host({ status: 'nxdomain', cnames: ['old.example'] }), expect: { cname: 'new.example' }, ids: ['nxdomain', 'wrongCname'] },
  ])('fails: $name', ({ got, expect: e, ids }) => {
    const v = judgeRecords(got, e);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.findings.map((f) => f.messageId)).toEqual(ids);
  });

  it('shows expected beside actual', () => {
    const v = judgeRecords(host({ name: 'status.acme.test', a: ['127.0.0.1'] }), { a: ['127.0.0.9'] });
    expect(v).toMatchObject({ ok: false, findings: [{ evidence: { expected: ['127.0.0.9'], actual: ['127.0.0.1'], families: ['A'] } }] });
  });

  it('names the NXDOMAIN link of a chain', () => {
    const v = judgeRecords(host({ name: 'docs.x', status: 'nxdomain', cnames: ['ghost.y'] }));
    expect(v).toMatchObject({ ok: false, findings: [{ evidence: { missingName: 'ghost.y', chain: ['docs.x', 'ghost.y'] } }] });
  });
});
