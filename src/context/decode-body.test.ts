import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyReadError, parseContentEncoding, readBody } from './decode-body.js';

describe('parseContentEncoding', () => {
  it.each([
    [undefined, []],
    ['', []],
    ['identity', []],
    ['gzip', ['gzip']],
    ['X-GZIP', ['gzip']],
    ['gzip, br', ['br', 'gzip']], // decoded in reverse order of application
    ['deflate,identity', ['deflate']],
    ['zstd', undefined],
    ['gzip, compress', undefined],
  ])('%s → %j', (header, expected) => {
    expect(parseContentEncoding(header)).toEqual(expected);
  });

  it('refuses a pile of codings', () => {
    expect(() => parseContentEncoding('gzip, gzip, gzip, gzip')).toThrow(BodyReadError);
  });
});

describe('readBody', () => {
  it('stops pulling a gzip bomb as soon as the inflated size crosses the cap', async () => {
    const member = zlib.gzipSync(Buffer.alloc(1024 * 1024)); // ~1 KB → 1 MiB
    let pulled = 0;
    // Up to 1 GiB inflated if nobody stopped reading.
    const source = Readable.from((function* () {
      for (let i = 0; i < 1024; i += 1) {
        pulled += 1;
        yield member;
      }
    })());
    const err = await readBody(source, { contentEncoding: 'gzip', maxBytes: 4 * 1024 * 1024 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BodyReadError);
    expect((err as BodyReadError).code).toBe('BODY_TOO_LARGE');
    expect(pulled).toBeLessThan(64);
    expect(source.destroyed).toBe(true);
  });

  it('accepts a gzip stream cut short at the end, like browsers, but not a corrupt one', async () => {
    const gz = zlib.gzipSync('hello world '.repeat(100));
    const truncated = await readBody(Readable.from([gz.subarray(0, gz.length - 8)]), { contentEncoding: 'gzip', maxBytes: 1e6 });
    expect(truncated.toString()).toBe('hello world '.repeat(100));
    const corrupt = Buffer.from(gz);
    corrupt.fill(0xff, 10, 30);
    const err = await readBody(Readable.from([corrupt]), { contentEncoding: 'gzip', maxBytes: 1e6 }).catch((e: unknown) => e);
    expect((err as BodyReadError).code).toBe('DECOMPRESSION');
  });

  it('caps plain bodies too, and returns them whole under the cap', async () => {
    const chunks = [Buffer.alloc(600, 1), Buffer.alloc(600, 2)];
    expect((await readBody(Readable.from(chunks), { maxBytes: 1200 })).length).toBe(1200);
    const err = await readBody(Readable.from(chunks), { maxBytes: 1000 }).catch((e: unknown) => e);
    expect((err as BodyReadError).code).toBe('BODY_TOO_LARGE');
  });
});
