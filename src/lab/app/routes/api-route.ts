/** The shape of one JSON API route, so each concern (tasks, approvals…) lists its own rows. */
import type { RequestContext } from '../context.js';

/** A request on the API host with its JSON body parsed (undefined when there was none). */
export interface ApiContext extends RequestContext {
  body: unknown;
  /** The signed-in user's e-mail, when a valid bearer token came with the request. */
  user?: string;
}

/**
 * Who may call a route: anyone, a signed-in user, or an administrator. `adminLeaky` is an
 * admin route that the `default` variant forgot to protect (`admin.auth-required`).
 */
export type Access = 'public' | 'user' | 'adminLeaky';

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Matched against the whole path; capture groups become `params`. */
  pattern: RegExp;
  access: Access;
  handle(ctx: ApiContext, params: string[]): void | Promise<void>;
}
