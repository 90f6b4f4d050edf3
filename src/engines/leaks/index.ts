/**
 * Leak detection for response bodies (stack traces, SQL, server paths, framework debug pages and
 * secrets, reported by pattern name with redacted excerpts) and the invalid requests that provoke
 * them. Pure functions only.
 */
export { detectLeaks, redactSecrets, type DetectOptions, type LeakFinding } from './detect-leaks.js';
export { LEAK_PATTERNS, shannonEntropy, type LeakCategory, type LeakPattern } from './patterns.js';
export {
  bodyOf, describeProbe, NOT_FOUND_PATH, OVERSIZED_BYTES, oversizedBody, planProbes, WRONG_SEGMENT, wronglyTyped, wrongQueryPath, wrongSegmentPath,
  type LeakProbe, type LeakProbeKind, type PlannedTarget,
} from './invalid-requests.js';
