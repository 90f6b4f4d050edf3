import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_ENV_SECRETS } from '../../lab/scenarios/repo.js';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import logRedaction, {
  cardBrand, createLogRedactionCheck, findLogLeaks, luhnValid, readHead, resolveLogPattern, type SecretDetector, secretEngineDetector,
} from './log-redaction.js';

checkTester(logRedaction, {
  pass: [{ name: 'redacted logs', lab: 'fixed' }],
  fail: [
    {
      name: 'a bearer token, e-mail addresses, a card number and a Stripe key in the logs',
      lab: 'default',
      expect: [
        { target: 'repo/logs/app.log', messageId: 'bearerToken', severity: 'high' },
        { target: 'repo/logs/app.log', messageId: 'email' },
        { target: 'repo/logs/app.log', messageId: 'cardNumber' },
        { target: 'repo/logs/app.log', messageId: 'secret' },
        { target: 'repo/logs/worker.log', messageId: 'email' },
      ],
    },
  ],
  error: [{ name: 'a declared glob matches no file', lab: 'fixed', config: (raw) => { raw.ownership.logs = ['./nowhere/*.log']; }, expect: [{ target: 'nowhere/*.log' }] }],
  skip: [{ name: 'no log samples declared', lab: 'fixed', config: (raw) => { delete raw.ownership.logs; }, expect: [{}] }],
});

describe('observe.log-redaction evidence', () => {
  const lab = labPool();
  it('gives file:line, the kind and the redacted value, never the raw one', async () => {
    const { results } = await runAgainstLab(logRedaction, await lab('default'));
    const card = results.find((r) => r.messageId === 'cardNumber')!;
    expect(card.evidence).toMatchObject({ occurrences: 1, examples: [{ at: 'repo/logs/app.log:5', kind: 'card number', detail: 'visa', redacted: expect.stringMatching(/^4111…\[redacted sha256:[0-9a-f]{8}\]$/) }] });
    const text = JSON.stringify(results);
    for (const raw of [LAB_ENV_SECRETS.logBearer, LAB_ENV_SECRETS.logStripe, 'alice@acme.test', 'bob@acme.test', '4111 1111 1111 1111', '4111111111111111']) {
      expect(text).not.toContain(raw);
    }
  });

  it('takes an injected secret detector', async () => {
    const detect: SecretDetector = (text) => [...text.matchAll(/api_key=(\S+)/g)].map((m) => ({ rule: 'injected', secret: m[1], offset: m.index + 8 }));
    const { results } = await runAgainstLab(createLogRedactionCheck({ detectSecrets: detect }), await lab('default'));
    expect(results.find((r) => r.messageId === 'secret')?.evidence).toMatchObject({ examples: [{ detail: 'injected', at: 'repo/logs/app.log:6' }] });
  });
});

describe('luhnValid / cardBrand', () => {
  it.each([
    ['4111111111111111', true, 'visa'], ['5555555555554444', true, 'mastercard'], ['2223003122003222', true, 'mastercard'],
    ['378282246310005', true, 'amex'], ['6011111111111117', true, 'discover'], ['3530111333300000', true, 'jcb'],
    ['4111111111111112', false, undefined], ['1234567812345678', false, undefined],
    // Luhn-valid but no card network's prefix and length: an order id, not a card.
    ['1000000000000008', true, undefined], ['0000000000000000', true, undefined],
  ])('%s → luhn %s, brand %s', (digits, luhn, brand) => {
    expect(luhnValid(digits)).toBe(luhn);
    expect(cardBrand(digits)).toBe(brand);
  });
});

describe('findLogLeaks', () => {
  const none: SecretDetector = () => [];
  const kinds = (text: string, detect = none) => findLogLeaks(text, detect).map((l) => [l.kind, l.line]);

  it.each([
    ['Authorization: Bearer 9f8e7d6c5b4a39281706f5e4', [['bearerToken', 1]]],
    ['authorization: bearer [REDACTED]', []],
    ['Authorization: Bearer ***', []],
    ['Bearer xxxxxxxxxxxxxxxxxxxxxxxx', []],
    ['user alice@acme.test logged in', [['email', 1]]],
    ['mail from support@acme.test and noreply@acme.test', []],
    ['see user@example.com', []],
    ['asset logo@2x.png', []],
    ['masked a***@acme.test', []],
    ['card=4111 1111 1111 1111', [['cardNumber', 1]]],
    ['card=4111-1111-1111-1111', [['cardNumber', 1]]],
    ['card=3782 822463 10005', [['cardNumber', 1]]],
    ['card=**** **** **** 1111', []],
    ['order 1234567812345678', []],
    ['ts=1732096809123456 id=41111111111111111111', []],
    ['a\nb\nc alice@acme.test', [['email', 3]]],
  ])('%j → %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('reports a span once, as a secret, when the detector also finds it', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVlLXg';
    const text = `GET / Authorization: Bearer ${token}`;
    const detect: SecretDetector = (t) => [{ rule: 'jwt', secret: token, offset: t.indexOf(token) }];
    expect(findLogLeaks(text, detect)).toEqual([{ kind: 'secret', line: 1, detail: 'jwt', redacted: expect.stringMatching(/^eyJh…/) }]);
  });

  it('uses the secret engine\'s rules by default', () => {
    const leaks = findLogLeaks(`stripe failed api_key=${LAB_ENV_SECRETS.logStripe}`, secretEngineDetector());
    expect(leaks).toMatchObject([{ kind: 'secret' }]);
    expect(JSON.stringify(leaks)).not.toContain(LAB_ENV_SECRETS.logStripe);
  });
});

describe('reading logs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-logs-'));
    await writeFile(join(dir, 'a.log'), 'x'.repeat(5000));
    await writeFile(join(dir, 'b.log'), 'line\n');
    await writeFile(join(dir, 'c.log.gz'), Buffer.from([0x1f, 0x8b, 0, 0, 1, 2]));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves files, folders and globs, bounded in count', async () => {
    expect(await resolveLogPattern(join(dir, '*.log'), 10)).toEqual([join(dir, 'a.log'), join(dir, 'b.log')]);
    expect(await resolveLogPattern(join(dir, 'b.log'), 10)).toEqual([join(dir, 'b.log')]);
    expect(await resolveLogPattern(dir, 2)).toHaveLength(2);
    expect(await resolveLogPattern(join(dir, 'none', '*.log'), 10)).toEqual([]);
  });

  it('reads at most the cap and recognises binary files', async () => {
    expect(await readHead(join(dir, 'a.log'), 1000)).toMatchObject({ bytes: 1000, size: 5000, binary: false });
    expect(await readHead(join(dir, 'c.log.gz'), 1000)).toMatchObject({ binary: true, text: '' });
  });
});
