import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseResolvConf, parseResolverAddress, readSystemResolver } from './dns-address.js';

describe('parseResolverAddress', () => {
  it.each([
    ['127.0.0.1:5353', { host: '127.0.0.1', port: 5353, family: 4 }],
    ['127.0.0.1', { host: '127.0.0.1', port: 53, family: 4 }],
    [' 10.0.0.2:53 ', { host: '10.0.0.2', port: 53, family: 4 }],
    ['[::1]:53', { host: '::1', port: 53, family: 6 }],
    ['[::1]', { host: '::1', port: 53, family: 6 }],
    ['::1', { host: '::1', port: 53, family: 6 }],
    ['2001:db8::53', { host: '2001:db8::53', port: 53, family: 6 }],
    ['localhost:8053', { host: '127.0.0.1', port: 8053, family: 4 }],
  ])('%s', (text, expected) => {
    expect(parseResolverAddress(text)).toEqual(expected);
  });

  it.each(['dns.example:53', '127.0.0.1:0', '127.0.0.1:65536', '127.0.0.1:abc', '[127.0.0.1]:53', '', '1.2.3.4:'])(
    'rejects %j',
    (text) => {
      expect(() => parseResolverAddress(text)).toThrow(/resolver address|port|brackets/);
    },
  );
});

describe('resolv.conf', () => {
  it.each([
    ['nameserver 10.255.255.53\n', { host: '10.255.255.53', port: 53, family: 4 }],
    ['# comment\nsearch lan\nnameserver bogus\n  nameserver ::1\nnameserver 1.1.1.1', { host: '::1', port: 53, family: 6 }],
    ['search lan\n', undefined],
  ])('%j', (text, expected) => {
    expect(parseResolvConf(text)).toEqual(expected);
  });

  it('reads the file, and falls back to 127.0.0.1:53 like glibc when there is none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lr-dns-'));
    try {
      const path = join(dir, 'resolv.conf');
      await writeFile(path, 'options ndots:1\nnameserver 192.0.2.53\n');
      expect(await readSystemResolver(path)).toEqual({ host: '192.0.2.53', port: 53, family: 4 });
      expect(await readSystemResolver(join(dir, 'missing'))).toEqual({ host: '127.0.0.1', port: 53, family: 4 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
