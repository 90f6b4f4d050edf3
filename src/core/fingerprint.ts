/** Stable result identity: check + target + cause, so a countdown in the message keeps its id. */
import { createHash } from 'node:crypto';

/** 10 hex digits, as users paste them into `audit.ignore`. */
export function fingerprint(check: string, target: string, cause: string): string {
  return createHash('sha256').update(`${check}\u0000${target}\u0000${cause}`).digest('hex').slice(0, 10);
}
