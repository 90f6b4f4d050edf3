/**
 * What every route of the sample app receives: the request, where it arrived, the app's state
 * and the headers every response to it must carry (edge, HSTS, CORS).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppState } from './state.js';

/** `default` plants a launch risk for every check; `fixed` is launch ready (see TOPOLOGY.md). */
export type Variant = 'default' | 'fixed';
export type Scheme = 'http' | 'https';
export type Headers = Record<string, string | number | string[]>;

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  scheme: Scheme;
  /** The `Host` header without port or trailing dot, lower-cased. */
  host: string;
  url: URL;
  variant: Variant;
  state: AppState;
  now: () => Date;
  /** Headers every response to this request carries; routes may add to them (CORS, caching). */
  headers: Headers;
}

/** A route handler: may be async; the app turns a rejection into a 500. */
export type Handler = (ctx: RequestContext) => void | Promise<void>;
