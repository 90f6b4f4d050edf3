/** Package registries and container registries: a leaked publish token ships malware as you. */
import type { SecretRule } from '../types.js';
import { prefixed } from './shapes.js';
import { looksLikePlaceholder } from '../placeholders.js';

/** Docker's `auths.<registry>.auth` is base64 of `user:password`; only real pairs count. */
function isBasicPair(secret: string): boolean {
  const decoded = Buffer.from(secret, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1 || colon === decoded.length - 1) return false;
  // A decoded pair is printable text only.
  if (/[\x00-\x1f\x7f\ufffd]/.test(decoded)) return false;
  return !looksLikePlaceholder(decoded.slice(colon + 1));
}

export const REGISTRY_RULES: readonly SecretRule[] = [
  {
    id: 'npm-access-token',
    description: 'npm access token',
    keywords: ['npm_'],
    regex: prefixed('npm_[A-Za-z0-9]{36}'),
    minEntropy: 3,
  },
  {
    id: 'npmrc-auth-token',
    description: 'Registry auth token in an .npmrc / .yarnrc',
    keywords: ['_authtoken'],
    // `${NPM_TOKEN}` (the recommended form) never matches: `$` and braces are outside the class.
    regex: /_authToken\s*=\s*["']?([A-Za-z0-9+/=_.:-]{20,})/i,
    minEntropy: 3,
    generic: true,
  },
  {
    id: 'pypi-upload-token',
    description: 'PyPI upload token',
    keywords: ['pypi-ageichlwas5vcmc'],
    // Macaroon whose base64 starts with the location "pypi.org".
    regex: prefixed('pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}'),
  },
  {
    id: 'docker-config-auth',
    description: 'Registry credentials in a Docker config.json',
    keywords: ['"auth"', "'auth'"],
    regex: /["']auth["']\s*:\s*["']([A-Za-z0-9+/]{8,}={0,2})["']/,
    validate: isBasicPair,
  },
  {
    id: 'dockerhub-pat',
    description: 'Docker Hub personal access token',
    keywords: ['dckr_pat_'],
    regex: prefixed('dckr_pat_[A-Za-z0-9_-]{27}'),
    minEntropy: 3,
  },
  {
    id: 'rubygems-api-key',
    description: 'RubyGems API key',
    keywords: ['rubygems_'],
    regex: prefixed('rubygems_[a-f0-9]{48}'),
  },
];
