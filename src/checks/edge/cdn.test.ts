import { describe, expect, it } from 'vitest';
import { checkTester } from '../../test-support/check-tester.js';
import cdn, { judgeCdn } from './cdn.js';

checkTester(cdn, {
  pass: [
    { name: 'fixed edge sends server: cloudflare and cf-ray', lab: 'fixed' },
  ],
  fail: [
    {
      name: 'default hosts answer straight from nginx',
      lab: 'default',
      expect: [
        { target: 'app.acme.test', messageId: 'noCdn', severity: 'medium' },
        { target: 'api.acme.test', messageId: 'noCdn' },
      ],
    },
  ],
  error: [
    {
      name: 'bot wall, refused connection and SERVFAIL are errors, not verdicts',
      lab: 'hostile',
      config: (raw) => {
        raw.environments.production.hosts = [
          { name: 'wall.hostile.test' }, { name: 'refused.hostile.test' }, { name: 'servfail.hostile.test' },
        ];
      },
      expect: [{ target: 'wall.hostile.test' }, { target: 'refused.hostile.test' }, { target: 'servfail.hostile.test' }],
    },
  ],
  skip: [
    { name: 'no environments', lab: 'default', config: (raw) => { raw.environments = {}; }, expect: [{}] },
  ],
});

describe('judgeCdn', () => {
  it.each([
    [{ cnames: ['www.acme.com.cdn.cloudflare.net'], addresses: ['104.16.1.1'] }, 'Cloudflare', 'CNAME www.acme.com.cdn.cloudflare.net'],
    [{ cnames: [], addresses: ['151.101.65.57'] }, 'Fastly', 'address 151.101.65.57 in Fastly range 151.101.0.0/16'],
    [{ headers: { server: 'cloudflare', 'cf-ray': 'x' } }, 'Cloudflare', 'header cf-ray'],
    [{ headers: { 'x-amz-cf-id': 'x' } }, 'Amazon CloudFront', 'header x-amz-cf-id'],
  ])('%j passes via %s', (obs, provider, signal) => {
    const v = judgeCdn(obs);
    expect(v.ok).toBe(true);
    if (v.ok) expect([v.provider, v.signal]).toEqual([provider, signal]);
  });

  it('fails a bare origin and shows what it saw', () => {
    const v = judgeCdn({ cnames: ['edge.acme-cdn.test'], addresses: ['127.0.0.4'], headers: { server: 'nginx/1.18.0' } });
    expect(v).toMatchObject({ ok: false, messageId: 'noCdn', evidence: { server: 'nginx/1.18.0', cnames: ['edge.acme-cdn.test'] } });
  });
});
