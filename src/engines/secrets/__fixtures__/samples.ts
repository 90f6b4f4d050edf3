/** Every rule's `ng` / `ok` fixtures, keyed by rule id. */
import { APP_SAMPLES } from './samples-apps.js';
import { INFRA_SAMPLES, type RuleSamples } from './samples-infra.js';

export type { RuleSamples };
export { jwt, pemBlock } from './samples-apps.js';
export { Rand, pemMarker, b64urlJson } from './random.js';

export const SAMPLES: Readonly<Record<string, RuleSamples>> = { ...INFRA_SAMPLES, ...APP_SAMPLES };
