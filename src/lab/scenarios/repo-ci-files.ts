/**
 * CI files of the lab repository. `default` plants the CI risks (a token with every scope, no
 * `permissions:`, a `pull_request_target` that runs the PR's code with secrets, deploys without
 * an environment or gates, a GitLab deploy stage before the tests); `fixed` is least-privilege
 * with every deploy gated.
 */
import type { ScenarioVariant } from './types.js';

const CI_DEFAULT = `name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;

const DEPLOY_DEFAULT = `name: Deploy
on:
  push:
    branches: [main]
permissions: write-all
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm run deploy
        env:
          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}
`;

const PREVIEW_DEFAULT = `name: Preview
on: pull_request_target
permissions:
  contents: read
  pull-requests: write
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - run: npm ci && npm run build
      - run: npx surge ./dist acme-pr-\${{ github.event.number }}.surge.sh
        env:
          SURGE_TOKEN: \${{ secrets.SURGE_TOKEN }}
`;

const GITLAB_DEFAULT = `stages: [build, deploy, test]
build:
  stage: build
  script:
    - npm ci
    - npm run build
deploy_production:
  stage: deploy
  script:
    - npm run deploy
unit_tests:
  stage: test
  script:
    - npm test
`;

const CI_FIXED = `name: CI
on: [push, pull_request]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci
      - run: npm test
`;

const DEPLOY_FIXED = `name: Deploy
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
  secret-scan:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with: { fetch-depth: 0 }
      - run: npx launchready secrets
  migration-lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npx launchready migrations lint db/migrations
  deploy:
    needs: [test, secret-scan, migration-lint]
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      deployments: write
    steps:
      - uses: actions/checkout@v4
      - run: npm run deploy
        env:
          DEPLOY_TOKEN: \${{ secrets.DEPLOY_TOKEN }}
`;

const PREVIEW_FIXED = `name: Preview
on: pull_request
permissions:
  contents: read
jobs:
  preview:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm run build
      - uses: actions/upload-artifact@v4
        with: { name: preview, path: dist }
`;

const GITLAB_FIXED = `stages: [build, test, deploy]
build:
  stage: build
  script:
    - npm ci
    - npm run build
unit_tests:
  stage: test
  script:
    - npm test
secret_scan:
  stage: test
  script:
    - npx launchready secrets
migration_lint:
  stage: test
  script:
    - npx launchready migrations lint db/migrations
deploy_production:
  stage: deploy
  environment:
    name: production
    url: https://app.acme.test
  script:
    - npm run deploy
`;

/** Relative path → text of every CI file of the variant. */
export function repoCiFiles(variant: ScenarioVariant): Record<string, string> {
  const fixed = variant === 'fixed';
  return {
    '.github/workflows/ci.yml': fixed ? CI_FIXED : CI_DEFAULT,
    '.github/workflows/deploy.yml': fixed ? DEPLOY_FIXED : DEPLOY_DEFAULT,
    '.github/workflows/preview.yml': fixed ? PREVIEW_FIXED : PREVIEW_DEFAULT,
    '.gitlab-ci.yml': fixed ? GITLAB_FIXED : GITLAB_DEFAULT,
  };
}
