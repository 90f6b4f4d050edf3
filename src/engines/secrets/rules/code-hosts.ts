/**
 * Code hosts. GitHub's prefixed formats are from "Behind GitHub's new authentication token
 * formats" (2021) and the fine-grained PAT announcement (2022); GitLab's from its token overview.
 */
import type { SecretRule } from '../types.js';
import { prefixed } from './shapes.js';

/** The example token of GitHub's own documentation, kept in two pieces so it never scans as one. */
const GITHUB_DOCS_EXAMPLE = ['16C7e42F292c6912', 'E7710c838347Ae178B4a'].join('');
const githubAllow = { patterns: [new RegExp(`${GITHUB_DOCS_EXAMPLE}$`)] };

export const CODE_HOST_RULES: readonly SecretRule[] = [
  {
    id: 'github-pat',
    description: 'GitHub personal access token (classic)',
    keywords: ['ghp_'],
    regex: prefixed('ghp_[A-Za-z0-9]{36}'),
    minEntropy: 3,
    allowlist: githubAllow,
  },
  {
    id: 'github-fine-grained-pat',
    description: 'GitHub fine-grained personal access token',
    keywords: ['github_pat_'],
    regex: prefixed('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
    minEntropy: 3,
  },
  {
    id: 'github-oauth-token',
    description: 'GitHub OAuth access token',
    keywords: ['gho_'],
    regex: prefixed('gho_[A-Za-z0-9]{36}'),
    minEntropy: 3,
    allowlist: githubAllow,
  },
  {
    id: 'github-app-token',
    description: 'GitHub App user-to-server or installation token',
    keywords: ['ghu_', 'ghs_'],
    regex: prefixed('gh[us]_[A-Za-z0-9]{36}'),
    minEntropy: 3,
    allowlist: githubAllow,
  },
  {
    id: 'github-refresh-token',
    description: 'GitHub App refresh token',
    keywords: ['ghr_'],
    regex: prefixed('ghr_[A-Za-z0-9]{36,76}'),
    minEntropy: 3,
    allowlist: githubAllow,
  },
  {
    id: 'gitlab-pat',
    description: 'GitLab personal, project or group access token',
    keywords: ['glpat-'],
    regex: prefixed('glpat-[A-Za-z0-9_-]{20,64}'),
    minEntropy: 3,
  },
  {
    id: 'gitlab-pipeline-trigger-token',
    description: 'GitLab pipeline trigger token',
    keywords: ['glptt-'],
    regex: prefixed('glptt-[0-9a-f]{40}'),
  },
  {
    id: 'gitlab-runner-token',
    description: 'GitLab runner authentication token',
    keywords: ['glrt-'],
    regex: prefixed('glrt-[A-Za-z0-9_-]{20,64}'),
    minEntropy: 3,
  },
  {
    id: 'gitlab-deploy-token',
    description: 'GitLab deploy token',
    keywords: ['gldt-'],
    regex: prefixed('gldt-[A-Za-z0-9_-]{20,64}'),
    minEntropy: 3,
  },
  {
    id: 'bitbucket-app-password',
    description: 'Bitbucket app password',
    keywords: ['atbb'],
    regex: prefixed('ATBB[a-zA-Z0-9]{32}'),
    minEntropy: 3,
  },
];
