/** What the closed and open loops share with the driver that runs them. */
import type { OriginPool } from './connections.js';
import type { PreparedEndpoint } from './endpoints.js';
import type { Recorder } from './recorder.js';

export type EndReason = 'duration' | 'requests' | 'aborted';

export interface LoopContext {
  endpoints: readonly PreparedEndpoint[];
  /** Endpoint indices in the weighted visiting order, cycled. */
  cycle: readonly number[];
  /** The connection pool of each endpoint's origin, by endpoint index. */
  pools: readonly OriginPool[];
  recorder: Recorder;
  maxBodyBytes: number;
  /** performance.now() of the run's start (warm-up begins) and of the measured window. */
  runStart: number;
  windowStart: number;
  /** Planned end of the measured window. */
  windowEnd: number;
  /** Measured requests to send at most (Infinity: no bound but time). */
  maxRequests: number;
  /** Ends sending for good; the driver then waits for requests in flight. */
  stop(reason: EndReason): void;
  readonly stopped: boolean;
}

/** A running loop. */
export interface Loop {
  start(): void;
  /** Clears the loop's own timers; called once by the driver when the run stops. */
  halt(): void;
}
