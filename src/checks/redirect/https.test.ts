import { describe, expect, it } from 'vitest';
import type { RedirectHop } from '../../probes/types.js';
import { checkTester } from '../../test-support/check-tester.js';
import httpsRedirect, { judgeHttpsRedirect } from './https.js';

checkTester(httpsRedirect, {
  pass: [
    { name: 'every fixed host upgrades with a 301 to https', lab: 'fixed' },
    { name: 'www, api, admin and status upgrade on the same host', lab: 'default', targets: ['www.acme.test', 'api.acme.test', 'admin.acme.test', 'status.acme.test'] },
  ],
  fail: [
    { name: 'app serves its page over plain HTTP', lab: 'default', expect: [{ target: 'app.acme.test', messageId: 'servedOverHttp', severity: 'blocker' }] },
    {
      name: 'apex: 302 to http://www before https',
      lab: 'default',
      expect: [
        { target: 'acme.test', messageId: 'viaHttp', severity: 'medium' },
        { target: 'acme.test', messageId: 'notPermanent', severity: 'high' },
      ],
    },
    {
      name: 'a redirect loop',
      lab: 'hostile',
      config: (raw) => { raw.environments = { production: { hosts: [{ name: 'loop.hostile.test' }] } }; },
      expect: [{ target: 'loop.hostile.test', messageId: 'loop' }],
    },
  ],
  error: [
    {
      name: 'trickling body, silent listener, nothing listening, DNS down, bot wall',
      lab: 'hostile',
      config: (raw) => {
        raw.network.timeout = '600ms';
        raw.environments = {
          production: {
            hosts: ['slow', 'stall', 'refused', 'timeout', 'servfail', 'wall'].map((h) => ({ name: `${h}.hostile.test` })),
          },
        };
      },
      expect: ['slow', 'stall', 'refused', 'timeout', 'servfail', 'wall'].map((h) => ({ target: `${h}.hostile.test` })),
    },
  ],
  skip: [{ name: 'no environments declared', lab: 'fixed', config: (raw) => { raw.environments = {}; } }],
});

const redirect = (status: number, url: string, location: string): RedirectHop => ({ status, url, location });
const answer = (status: number, url: string): RedirectHop => ({ status, url });
const START = 'http://a.test/';

describe('judgeHttpsRedirect', () => {
  it.each([
    { name: '301 straight to https', hops: [redirect(301, START, 'https://a.test/'), answer(200, 'https://a.test/')], want: { ok: true } },
    { name: '308 straight to https on another host', hops: [redirect(308, START, 'https://www.a.test/'), answer(200, 'https://www.a.test/')], want: { ok: true } },
    { name: '301 to https, then app redirects over https', hops: [redirect(301, START, 'https://a.test/'), redirect(302, 'https://a.test/', 'https://a.test/login'), answer(200, 'https://a.test/login')], want: { ok: true } },
    {
      name: '301 to https, then the https side times out: the upgrade was seen',
      hops: [redirect(301, START, 'https://a.test/')],
      error: { code: 'TIMEOUT', message: 'no complete response' },
      want: { ok: true, evidence: { note: expect.stringContaining('TIMEOUT') } },
    },
    { name: '200 over http', hops: [answer(200, START)], want: { ok: false, findings: [{ messageId: 'servedOverHttp', severity: 'blocker', evidence: { status: 200, url: START } }] } },
    { name: '404 over http', hops: [answer(404, START)], want: { ok: false, findings: [{ messageId: 'servedOverHttp', evidence: { status: 404 } }] } },
    { name: '503 over http', hops: [answer(503, START)], want: { ok: false, findings: [{ messageId: 'servedOverHttp' }] } },
    { name: '302 to https', hops: [redirect(302, START, 'https://a.test/'), answer(200, 'https://a.test/')], want: { ok: false, findings: [{ messageId: 'notPermanent', severity: 'high', evidence: { status: 302 } }] } },
    { name: '307 to https', hops: [redirect(307, START, 'https://a.test/'), answer(200, 'https://a.test/')], want: { ok: false, findings: [{ messageId: 'notPermanent', evidence: { status: 307 } }] } },
    { name: '303 to https, https side cut', hops: [redirect(303, START, 'https://a.test/')], error: { code: 'CHALLENGE', message: 'wall' }, want: { ok: false, findings: [{ messageId: 'notPermanent' }] } },
    {
      name: '301 to http://www, then 301 to https',
      hops: [redirect(301, START, 'http://www.a.test/'), redirect(301, 'http://www.a.test/', 'https://www.a.test/'), answer(200, 'https://www.a.test/')],
      want: { ok: false, findings: [{ messageId: 'viaHttp', severity: 'medium', evidence: { hopsBeforeHttps: 2 } }] },
    },
    {
      name: '302 to http://www, then 301 to https: both causes, most severe first',
      hops: [redirect(302, START, 'http://www.a.test/'), redirect(301, 'http://www.a.test/', 'https://www.a.test/'), answer(200, 'https://www.a.test/')],
      want: { ok: false, findings: [{ messageId: 'notPermanent', evidence: { status: 302 } }, { messageId: 'viaHttp' }] },
    },
    {
      name: 'redirect to another http page that is served over http',
      hops: [redirect(301, START, 'http://www.a.test/'), answer(200, 'http://www.a.test/')],
      want: { ok: false, findings: [{ messageId: 'servedOverHttp', evidence: { url: 'http://www.a.test/' } }] },
    },
    {
      name: 'upgrade then downgrade back to a plain-HTTP page',
      hops: [redirect(301, START, 'https://a.test/'), redirect(301, 'https://a.test/', 'http://b.test/'), answer(200, 'http://b.test/')],
      want: { ok: false, findings: [{ messageId: 'servedOverHttp', evidence: { url: 'http://b.test/' } }] },
    },
    {
      name: 'redirect loop',
      hops: [redirect(302, START, 'http://a.test/a'), redirect(302, 'http://a.test/a', 'http://a.test/b'), redirect(302, 'http://a.test/b', 'http://a.test/a')],
      error: { code: 'LOOP', message: 'redirect loop: …' },
      want: { ok: false, findings: [{ messageId: 'loop', severity: 'blocker' }] },
    },
    { name: 'endless chain counts as a loop', hops: [redirect(301, START, 'https://a.test/1')], error: { code: 'TOO_MANY_HOPS', message: 'more than 10' }, want: { ok: false, findings: [{ messageId: 'loop' }] } },
    { name: 'connection refused', hops: [], error: { code: 'REFUSED', message: 'refused' }, want: { ok: 'error', error: { code: 'REFUSED' } } },
    { name: 'bot wall on the first request', hops: [], error: { code: 'CHALLENGE', message: 'wall' }, want: { ok: 'error', error: { code: 'CHALLENGE' } } },
    { name: 'http → http, then timeout before https', hops: [redirect(301, START, 'http://www.a.test/')], error: { code: 'TIMEOUT', message: 't' }, want: { ok: 'error', error: { code: 'TIMEOUT' } } },
    { name: 'unparsable Location', hops: [{ status: 301, url: START, location: 'https://[bad' }], error: { code: 'BAD_LOCATION', message: 'bad' }, want: { ok: 'error', error: { code: 'BAD_LOCATION' } } },
  ])('$name', ({ hops, error, want }) => {
    expect(judgeHttpsRedirect({ start: START, hops, error })).toMatchObject(want);
  });

  it('shows the chain as "status from → to" lines, expected beside actual', () => {
    const v = judgeHttpsRedirect({ start: START, hops: [redirect(302, START, 'http://www.a.test/'), redirect(301, 'http://www.a.test/', 'https://www.a.test/'), answer(200, 'https://www.a.test/')] });
    expect(v).toMatchObject({
      ok: false,
      findings: [
        { evidence: { expected: '301 or 308 from http:// straight to https://', actual: ['302 http://a.test/ → http://www.a.test/'] } },
        { evidence: { chain: ['302 http://a.test/ → http://www.a.test/', '301 http://www.a.test/ → https://www.a.test/', '200 https://www.a.test/'] } },
      ],
    });
  });
});
