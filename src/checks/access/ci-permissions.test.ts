import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTester, labPool, runAgainstLab } from '../../test-support/check-tester.js';
import ciPermissions from './ci-permissions.js';

checkTester(ciPermissions, {
  pass: [{ name: 'least-privilege workflows, deploys behind environments', lab: 'fixed' }],
  fail: [
    {
      name: 'default token, write-all, a pwn request, unprotected deploys',
      lab: 'default',
      expect: [
        { target: '.github/workflows/ci.yml:4', messageId: 'noPermissions', severity: 'high' },
        { target: '.github/workflows/deploy.yml:5', messageId: 'writeAll', severity: 'high' },
        { target: '.github/workflows/deploy.yml:12', messageId: 'unprotectedDeploy' },
        { target: '.github/workflows/preview.yml:10', messageId: 'prTargetCheckout', severity: 'blocker' },
        { target: '.gitlab-ci.yml:7', messageId: 'unprotectedDeploy' },
      ],
    },
  ],
  error: [{ name: 'the repository folder does not exist', lab: 'fixed', config: (raw) => { raw.repo = './no-such-repo'; }, expect: [{ target: 'no-such-repo' }] }],
  skip: [{ name: 'a repository without CI files', lab: 'fixed', config: (raw) => { raw.repo = './repo/db'; }, expect: [{ target: 'repo/db' }] }],
});

describe('access.ci-permissions on a broken workflow', () => {
  const lab = labPool();
  it('reports the unparsable file as an error and still judges the others', async () => {
    const l = await lab('fixed');
    await mkdir(join(l.dir, 'repo', '.github', 'workflows'), { recursive: true });
    await writeFile(join(l.dir, 'repo', '.github', 'workflows', 'zz-broken.yml'), 'jobs:\n  a: [unclosed\n');
    try {
      const { results } = await runAgainstLab(ciPermissions, l);
      expect(results.find((r) => r.target === '.github/workflows/zz-broken.yml')).toMatchObject({ status: 'error', evidence: { code: 'YAML' } });
      expect(results.filter((r) => r.status === 'pass').map((r) => r.target)).toContain('.github/workflows/deploy.yml');
    } finally {
      await writeFile(join(l.dir, 'repo', '.github', 'workflows', 'zz-broken.yml'), 'on: push\npermissions: {}\njobs: {}\n');
    }
  });
});
