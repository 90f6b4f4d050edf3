import { describe, expect, it } from 'vitest';
import { loadConfigText } from '../config/load.js';
import type { Check } from '../core/types.js';
import { isMailDomain, narrowToDomain, selectEmailChecks } from './email.js';

const YAML = [
  'project: P',
  'email:',
  '  domains:',
  '    - { name: example.com, dkim_selectors: [s1], receives_mail: true }',
  '    - { name: notify.example.com, receives_mail: false }',
  '  smtp: { url: "smtp://relay.example.com:587", from: ops@example.com, seed_inbox: seed@example.com }',
].join('\n');
const config = async (text = YAML) => (await loadConfigText(text, '/tmp/launchready-email-service.yml', { env: {} })).config;

describe('narrowToDomain', () => {
  it('keeps the listed entry of the domain and only that one', async () => {
    const c = narrowToDomain(await config(), 'Example.COM.');
    expect(c.email).toEqual({
      domains: [{ name: 'example.com', dkim_selectors: ['s1'], receives_mail: true }],
      smtp: { url: 'smtp://relay.example.com:587', from: 'ops@example.com', seed_inbox: 'seed@example.com' },
    });
    expect(Object.isFrozen(c.email)).toBe(true);
  });

  it('adds an unlisted domain and applies the overrides', async () => {
    const c = narrowToDomain(await config(), 'other.test', { selectors: ['k1'], receivesMail: false, sendTest: 'me@x.test', from: 'a@other.test' });
    expect(c.email).toEqual({
      domains: [{ name: 'other.test', dkim_selectors: ['k1'], receives_mail: false }],
      smtp: { url: 'smtp://relay.example.com:587', from: 'a@other.test', seed_inbox: 'me@x.test' },
    });
  });

  it('builds the email section from nothing, with a relay only when one is given', async () => {
    const bare = await config('project: P');
    expect(narrowToDomain(bare, 'a.test').email).toEqual({ domains: [{ name: 'a.test' }] });
    expect(narrowToDomain(bare, 'a.test', { smtpUrl: 'smtp://127.0.0.1:2525', sendTest: 's@a.test' }).email?.smtp).toEqual({ url: 'smtp://127.0.0.1:2525', seed_inbox: 's@a.test' });
  });
});

describe('selectEmailChecks / isMailDomain', () => {
  const check = (id: string) => ({ meta: { id } }) as Check;
  const all = ['tls.expiry', 'email.spf', 'email.dkim', 'email.test-send'].map(check);
  it('picks email.* and leaves the test send out unless asked', () => {
    expect(selectEmailChecks(all).map((c) => c.meta.id)).toEqual(['email.spf', 'email.dkim']);
    expect(selectEmailChecks(all, { sendTest: true }).map((c) => c.meta.id)).toEqual(['email.spf', 'email.dkim', 'email.test-send']);
  });
  it.each([
    ['example.com', true], ['mail.example.co.uk.', true], ['xn--bcher-kva.example', true],
    ['localhost', false], ['-bad.example.com', false], ['a..b', false], ['ex ample.com', false], ['a@b.com', false],
  ])('isMailDomain(%s) = %s', (d, expected) => {
    expect(isMailDomain(d)).toBe(expected);
  });
});
