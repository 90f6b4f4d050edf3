/**
 * Reads a response body with a cap on its *decoded* size. Content-Encoding layers (gzip, deflate,
 * br) are undone here as streams with backpressure, so a decompression bomb is cut off at the cap
 * after a few kilobytes of input and a few megabytes of memory, instead of being inflated whole.
 */
import { Duplex, type Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

export type BodyReadErrorCode = 'BODY_TOO_LARGE' | 'DECOMPRESSION';

/** The body broke one of our limits or could not be decoded; http.ts maps it to an HttpError. */
export class BodyReadError extends Error {
  constructor(readonly code: BodyReadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BodyReadError';
  }
}

/** Content codings we undo (RFC 9110 §8.4.1; `x-gzip` is the legacy alias of gzip). */
type Coding = 'gzip' | 'deflate' | 'br';

/** More layers than this is no real server's doing: refuse rather than chain decoders without end. */
const MAX_CODINGS = 3;

/**
 * The decoders to apply, in decoding order (the reverse of the header's order, RFC 9110 §8.4),
 * or undefined when a coding is unknown (zstd, compress…): the body is then returned as sent and
 * the caller still sees the `content-encoding` header.
 */
export function parseContentEncoding(header: string | undefined): Coding[] | undefined {
  if (!header) return [];
  const codings: Coding[] = [];
  for (const raw of header.split(',')) {
    const token = raw.trim().toLowerCase();
    if (token === '' || token === 'identity') continue;
    if (token === 'gzip' || token === 'x-gzip') codings.push('gzip');
    else if (token === 'deflate' || token === 'br') codings.push(token);
    else return undefined;
  }
  if (codings.length > MAX_CODINGS) {
    throw new BodyReadError('DECOMPRESSION', `${codings.length} stacked content codings (at most ${MAX_CODINGS})`);
  }
  return codings.reverse();
}

/**
 * Be as lenient as browsers with a stream cut short at the end (many servers do it), but not with
 * corrupt data: Z_SYNC_FLUSH on finish accepts a missing trailer, a bad block still errors.
 */
const ZLIB_OPTIONS: zlib.ZlibOptions = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
const BROTLI_OPTIONS: zlib.BrotliOptions = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

function createInflater(coding: Coding, first: Buffer): Transform {
  if (coding === 'gzip') return zlib.createGunzip(ZLIB_OPTIONS);
  if (coding === 'br') return zlib.createBrotliDecompress(BROTLI_OPTIONS);
  // "deflate" means a zlib stream (RFC 9110 §8.4.1.2), but old servers send raw deflate; like the
  // browsers, tell them apart by the zlib header's compression-method nibble (RFC 1950 §2.2: CM = 8).
  return (first[0] & 0x0f) === 0x08 ? zlib.createInflate(ZLIB_OPTIONS) : zlib.createInflateRaw(ZLIB_OPTIONS);
}

/**
 * One decoding layer. The zlib stream is created on the first byte, which (a) lets deflate pick
 * its flavour and (b) lets an empty body pass (HEAD, 204, 304 answers still carry the header, and
 * zlib rejects empty input). Zlib's own errors become DECOMPRESSION here, so they are never
 * confused with a reset of the connection upstream. Backpressure is kept end to end: the inner
 * stream is paused whenever our reader is full, and zlib stops inflating mid-chunk when paused.
 */
class LazyDecoder extends Duplex {
  #inner: Transform | undefined;

  constructor(private readonly coding: Coding) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    if (chunk.length === 0) return callback();
    const inner = this.#inner ?? this.#start(chunk);
    inner.write(chunk, () => callback());
  }

  override _final(callback: (err?: Error | null) => void): void {
    const inner = this.#inner;
    if (!inner) {
      this.push(null);
      return callback();
    }
    inner.once('end', () => callback());
    inner.end();
  }

  override _read(): void {
    this.#inner?.resume();
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    this.#inner?.destroy();
    callback(err);
  }

  #start(first: Buffer): Transform {
    const inner = createInflater(this.coding, first);
    this.#inner = inner;
    inner.on('data', (data: Buffer) => {
      if (!this.push(data)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (err: Error) => {
      this.destroy(new BodyReadError('DECOMPRESSION', `${this.coding} body is corrupt: ${err.message}`, { cause: err }));
    });
    return inner;
  }
}

export interface ReadBodyOptions {
  /** The response's Content-Encoding header. */
  contentEncoding?: string;
  /** Cap on the decoded size in bytes; crossing it stops the transfer with BODY_TOO_LARGE. */
  maxBytes: number;
  signal?: AbortSignal;
}

/**
 * Drains `source` through the decoders into one Buffer of at most `maxBytes`. Rejects with
 * BodyReadError for the cap and corrupt codings, or with whatever destroyed `source` otherwise
 * (the caller maps those). Every stream involved is destroyed on failure, which aborts the transfer.
 */
export async function readBody(source: Readable, opts: ReadBodyOptions): Promise<Buffer> {
  let codings: Coding[] | undefined;
  try {
    codings = parseContentEncoding(opts.contentEncoding);
  } catch (err) {
    source.destroy();
    throw err;
  }
  const chunks: Buffer[] = [];
  let total = 0;
  let overflow: BodyReadError | undefined;
  const collect = async (decoded: AsyncIterable<Buffer>): Promise<void> => {
    for await (const chunk of decoded) {
      total += chunk.length;
      if (total > opts.maxBytes) {
        overflow = new BodyReadError('BODY_TOO_LARGE', `body exceeds the ${opts.maxBytes}-byte cap`);
        throw overflow;
      }
      chunks.push(chunk);
    }
  };
  const decoders = (codings ?? []).map((coding) => new LazyDecoder(coding));
  // node's typings list fixed-arity overloads only; the variadic form is the same function.
  const run = pipeline as (...stages: unknown[]) => Promise<void>;
  try {
    await run(source, ...decoders, collect, { signal: opts.signal });
  } catch (err) {
    // Tearing the pipeline down makes the other stages fail too (AbortError, premature close),
    // and pipeline may report one of those echoes: name the cause we know started it.
    const corrupt = decoders.map((d) => d.errored).find((e) => e instanceof BodyReadError);
    throw overflow ?? corrupt ?? err;
  }
  return Buffer.concat(chunks, total);
}
