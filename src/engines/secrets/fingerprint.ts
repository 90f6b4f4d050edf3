/**
 * Fingerprints of secret findings: rule + path + hash of the secret, never the line, so adding a
 * line above a known finding keeps it accepted. A baseline stores these hashes and nothing else.
 */
import { createHash } from 'node:crypto';
import { SecretValue, type SecretFinding } from './types.js';

/** 16 hex digits of SHA-256 over rule, path and the secret's own SHA-256. */
export function secretFingerprint(ruleId: string, path: string, secretHash: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${path}\u0000${secretHash}`).digest('hex').slice(0, 16);
}

/** Builds a finding; the raw value goes into a {@link SecretValue} and nowhere else. */
export function makeFinding(
  rule: { id: string; description: string }, raw: string, path: string, line: number, column: number,
): SecretFinding {
  const secret = new SecretValue(raw);
  return {
    ruleId: rule.id,
    description: rule.description,
    secret,
    path,
    line,
    column,
    fingerprint: secretFingerprint(rule.id, path, secret.hash),
  };
}
