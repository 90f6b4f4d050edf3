/**
 * One request dispatched on an undici agent with our own handler, so that we see the moment the
 * request is written (to learn which socket carries it), the first response byte, and can stop
 * the transfer from outside at any point (deadline, caller's signal, body cap).
 */
import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';

/** The response head; `body` streams the (still encoded) payload with backpressure. */
export interface ExchangeHead {
  status: number;
  headers: IncomingHttpHeaders;
  body: Readable;
  /** performance.now() at the first response byte (falls back to the end of the head). */
  firstByteAt: number;
}

export interface ExchangeOptions {
  /** Aborting it fails the exchange with `signal.reason`, before or after the head arrived. */
  signal: AbortSignal;
  /** Called synchronously when undici is about to write the request on a socket. */
  onWrite?: () => void;
}

class ExchangeHandler implements Dispatcher.DispatchHandler {
  #controller: Dispatcher.DispatchController | undefined;
  #body: Readable | undefined;
  #firstByteAt: number | undefined;
  #done = false;

  constructor(
    private readonly opts: ExchangeOptions,
    private readonly resolve: (head: ExchangeHead) => void,
    private readonly reject: (err: Error) => void,
  ) {}

  /** The caller gave up (deadline, signal): fail the head or the body, and stop the transfer. */
  abort(reason: Error): void {
    if (this.#body) this.#body.destroy(reason);
    else this.reject(reason);
    if (!this.#done) this.#controller?.abort(reason);
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    if (this.opts.signal.aborted) {
      controller.abort(this.opts.signal.reason as Error);
      return;
    }
    this.opts.onWrite?.();
  }

  /** Not in undici's new handler API but still forwarded: the first byte of any status line. */
  onResponseStarted(): void {
    this.#firstByteAt ??= performance.now();
  }

  onResponseStart(controller: Dispatcher.DispatchController, status: number, headers: IncomingHttpHeaders): void {
    // 1xx interim answers (103 Early Hints…) precede the real one.
    if (status < 200 || this.#body) return;
    const body = new Readable({
      read: () => controller.resume(),
      destroy: (err, callback) => {
        // Dropping the body before its end means we want no more of it: cut the transfer.
        if (!this.#done) controller.abort(err ?? new Error('response body discarded'));
        callback(err);
      },
    });
    this.#body = body;
    this.resolve({ status, headers, body, firstByteAt: this.#firstByteAt ?? performance.now() });
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#body && !this.#body.push(chunk)) controller.pause();
  }

  onResponseEnd(): void {
    this.#done = true;
    this.#body?.push(null);
  }

  onResponseError(_controller: Dispatcher.DispatchController, err: Error): void {
    this.#done = true;
    if (this.#body) this.#body.destroy(err);
    else this.reject(err);
  }
}

/** Dispatches `request` and resolves with the response head; rejects on failure before it. */
export function dispatchExchange(
  dispatcher: Dispatcher,
  request: Dispatcher.DispatchOptions,
  opts: ExchangeOptions,
): Promise<ExchangeHead> {
  return new Promise<ExchangeHead>((resolve, reject) => {
    const { signal } = opts;
    const handler = new ExchangeHandler(opts, resolve, reject);
    if (signal.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => handler.abort(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      dispatcher.dispatch(request, handler);
    } catch (err) {
      signal.removeEventListener('abort', onAbort);
      reject(err as Error);
    }
  });
}
