/**
 * Closed loop: N workers, each with its own connection, each sending the next request the moment
 * the previous answer is in. Throughput then follows the server's speed, so latency here is what
 * one client sees back to back; stalls delay the requests that were never sent, which is why the
 * open loop exists (see open-loop.ts).
 */
import { LoadExchange, type SettleFn } from './exchange.js';
import type { Loop, LoopContext } from './loop-context.js';

/** A closed loop of `connections` workers over the context's endpoints; `start()` sends the first requests. */
export function createClosedLoop(ctx: LoopContext, connections: number): Loop {
  let position = 0;
  let sent = 0;
  let endTimer: NodeJS.Timeout | undefined;

  const send = (): void => {
    if (ctx.stopped) return;
    const now = performance.now();
    if (now >= ctx.windowEnd) return ctx.stop('duration');
    const measured = now >= ctx.windowStart;
    if (measured) sent += 1;
    const index = ctx.cycle[position];
    position = position + 1 === ctx.cycle.length ? 0 : position + 1;
    const endpoint = ctx.endpoints[index];
    const pool = ctx.pools[index];
    // Never undefined: each origin has as many connections as there are workers.
    const client = pool.acquire()!;
    client.dispatch(endpoint.dispatch, new LoadExchange(endpoint, client, pool, now, measured, ctx.maxBodyBytes, settle, true));
    if (sent >= ctx.maxRequests) ctx.stop('requests');
  };

  const settle: SettleFn = (ex, err) => {
    ex.pool.release(ex.client);
    if (ex.measured) ctx.recorder.settle(ex.endpoint.index, ex.startedAt, performance.now(), ex.status, ex.bytes, err);
    // After a failure, yield to the event loop first: a refused or destroyed connection can fail
    // synchronously, and a tight retry would starve the timers that end the run.
    if (err) setImmediate(send);
    else send();
  };

  return {
    start() {
      endTimer = setTimeout(() => ctx.stop('duration'), Math.max(0, ctx.windowEnd - performance.now()));
      for (let i = 0; i < connections; i++) send();
    },
    halt() {
      clearTimeout(endTimer);
    },
  };
}
