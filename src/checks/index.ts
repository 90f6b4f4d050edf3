/** The explicit, readonly registry handed to the runner and the CLI: no scanning, no side effects. */
import type { Check } from '../core/types.js';

export const ALL_CHECKS: readonly Check[] = Object.freeze([]);
