/**
 * Open loop: requests leave on a fixed timeline (`rate` per second) whether or not earlier ones
 * were answered, and each latency counts from the request's *intended* send time. A server that
 * stalls for a second then shows a second of latency on every request that fell in the stall, as
 * its users would see it, instead of one slow sample and a gap (coordinated omission: Gil Tene,
 * "How NOT to Measure Latency"; wrk2). A request due while every connection of the in-flight cap
 * is busy is not sent and counted as dropped: the shortfall is reported, never hidden.
 */
import { LoadExchange, type SettleFn } from './exchange.js';
import type { Loop, LoopContext } from './loop-context.js';

/** An open loop at `rate` requests/s on the timeline that starts at `ctx.runStart`. */
export function createOpenLoop(ctx: LoopContext, rate: number): Loop {
  const interval = 1000 / rate;
  let next = 0; // index of the next request on the timeline
  let position = 0;
  let timer: NodeJS.Timeout | undefined;

  const settle: SettleFn = (ex, err) => {
    ex.pool.release(ex.client);
    if (ex.measured) ctx.recorder.settle(ex.endpoint.index, ex.startedAt, performance.now(), ex.status, ex.bytes, err);
  };

  const tick = (): void => {
    timer = undefined;
    const now = performance.now();
    // Everything due by now leaves now: after an event-loop hiccup that is a batch, each request
    // still measured from its own intended time.
    while (!ctx.stopped) {
      const intended = ctx.runStart + next * interval;
      if (intended >= ctx.windowEnd) return ctx.stop('duration');
      if (intended > now) break;
      next += 1;
      const measured = intended >= ctx.windowStart;
      if (measured) ctx.recorder.scheduled += 1;
      const index = ctx.cycle[position];
      position = position + 1 === ctx.cycle.length ? 0 : position + 1;
      const pool = ctx.pools[index];
      const client = pool.acquire();
      if (!client) {
        if (measured) ctx.recorder.dropped += 1;
      } else {
        if (measured) ctx.recorder.sendLag(now - intended);
        const endpoint = ctx.endpoints[index];
        client.dispatch(endpoint.dispatch, new LoadExchange(endpoint, client, pool, intended, measured, ctx.maxBodyBytes, settle));
      }
      if (measured && ctx.recorder.scheduled >= ctx.maxRequests) return ctx.stop('requests');
    }
    if (ctx.stopped) return;
    // Node's timers have millisecond granularity: a fast rate sends small batches per tick. A slow
    // rate wakes at the window's end rather than at a next request that will never be sent.
    const due = Math.min(ctx.runStart + next * interval, ctx.windowEnd);
    timer = setTimeout(tick, Math.max(0, due - performance.now()));
  };

  return {
    start() {
      tick();
    },
    halt() {
      if (timer) clearTimeout(timer);
    },
  };
}
