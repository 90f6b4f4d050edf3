import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAdvisoryServer } from './repo-advisories.js';
import { repoConfig, writeRepoFiles } from './repo.js';

function post(url: string, path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, url), { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 2000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('lab repository fixture', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lr-lab-repo-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['default', 'fixed'] as const)('writes the same set of files for %s', async (variant) => {
    const files = await writeRepoFiles(join(dir, variant), variant, 'http://127.0.0.1:1/');
    expect(files).toEqual([
      '.env.production', '.env.staging', '.github/workflows/ci.yml', '.github/workflows/deploy.yml', '.github/workflows/preview.yml',
      '.gitignore', '.gitlab-ci.yml', '.npmrc', 'db/migrations/0001_create_tasks.sql', 'env.schema.yml', 'logs/app.log', 'logs/worker.log',
      'package-lock.json', 'package.json',
    ]);
    expect(await readFile(join(dir, variant, '.npmrc'), 'utf8')).toContain('registry=http://127.0.0.1:1/');
  });

  it('names the files in config keys relative to the lab folder', () => {
    expect(repoConfig()).toEqual({
      repo: './repo', env: { schema: './repo/env.schema.yml' },
      envFiles: { production: './repo/.env.production', staging: './repo/.env.staging' }, logs: ['./repo/logs/*.log'],
    });
  });
});

describe('lab advisory database', () => {
  let server: Awaited<ReturnType<typeof startAdvisoryServer>>;
  beforeAll(async () => {
    server = await startAdvisoryServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('answers the bulk endpoint for the packages asked about, 404 elsewhere', async () => {
    const r = await post(server.url, '/-/npm/v1/security/advisories/bulk', JSON.stringify({ 'left-pad': ['1.3.0'], express: ['4.0.0'] }));
    expect(r.status).toBe(200);
    expect(Object.keys(JSON.parse(r.body))).toEqual(['left-pad']);
    expect((await post(server.url, '/-/npm/v1/security/audits/quick', '{}')).status).toBe(404);
    expect((await post(server.url, '/-/npm/v1/security/advisories/bulk', '{not json')).status).toBe(400);
  });
});
