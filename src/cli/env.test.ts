import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEnv } from './env.js';
import { EXIT } from './io.js';
import { memoryIo } from './test-io.js';

const SCHEMA = [
  'DATABASE_URL:   { format: url, secret: true }',
  'SESSION_SECRET: { secret: true, min_length: 32 }',
  'LOG_LEVEL:      { enum: [debug, info, warn], default: info }',
  'PORT:           { format: port, required: false }',
].join('\n');
const DB = 'postgres://app:Very-Secret-Pw-123@db.internal:5432/app';
const SESSION = 'Q7w3E9r2T6y1U4i8O0p5A2s6D9f3G7h1-session';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lr-env-cli-'));
  await writeFile(join(dir, 'env.schema.yml'), SCHEMA);
  await writeFile(join(dir, 'launchready.yml'), 'project: P\nenv:\n  schema: env.schema.yml\nenvironments:\n  production:\n    hosts: []\n    env_file: config/prod.env\n');
  await writeFile(join(dir, '.env.staging'), `DATABASE_URL=${DB}\nSESSION_SECRET=${SESSION}\nLOG_LEVEL=debug\n`);
  await writeFile(join(dir, 'bad.env'), `# broken\nDATABASE_URL=db.internal\nSESSION_SECRET=changeme\nLOG_LEVEL=verbose\nPORT=99999\n`);
  await writeFile(join(dir, 'noenv.yml'), 'project: P\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `launchready env check …` in-process with a fresh program (the lead wires it into main). */
async function run(args: string[], env: Record<string, string | undefined> = {}) {
  const m = memoryIo(dir, env);
  let code: number = EXIT.ok;
  const program = new Command('launchready').exitOverride().configureOutput({ writeOut: m.io.stdout, writeErr: m.io.stderr });
  registerEnv(program, m.io, (c) => { code = c; });
  try {
    await program.parseAsync(['node', 'launchready', 'env', 'check', ...args]);
  } catch {
    code = EXIT.usage;
  }
  return { code, out: m.stdout(), err: m.stderr() };
}

describe('launchready env check', () => {
  it('passes a valid .env.<name> (exit 0)', async () => {
    const r = await run(['--env', 'staging']);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe('✓ staging (.env.staging): 4 variables valid\n');
  });

  it('lists every problem of every variable with file:line, without secret values (exit 1)', async () => {
    const r = await run(['--env', 'staging', '--file', 'bad.env']);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')).toEqual([
      '✗ staging (bad.env): 5 problems in 4 variables',
      '  bad.env:2  LR_ENV_FORMAT       DATABASE_URL is not an absolute URL (scheme://host…): got <redacted, 11 chars>',
      '  bad.env:3  LR_ENV_TOO_SHORT    SESSION_SECRET is too short: expected at least 32 characters, got <redacted, 8 chars>',
      '  bad.env:3  LR_ENV_PLACEHOLDER  SESSION_SECRET holds a placeholder, not a real secret (<redacted, 8 chars>)',
      '  bad.env:4  LR_ENV_ENUM         LOG_LEVEL is not one of debug, info, warn: got "verbose"',
      '  bad.env:5  LR_ENV_FORMAT       PORT is not a port number (1–65535): got "99999"',
      '',
    ]);
    expect(r.out).not.toContain('changeme');
  });

  it('prints JSON with codes and lines, never values', async () => {
    const r = await run(['--env', 'staging', '--file', 'bad.env', '--format', 'json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ environment: 'staging', source: { kind: 'file', path: 'bad.env' }, ok: false, checked: 4 });
    expect(doc.problems.map((p: { variable: string; code: string; line: number }) => [p.variable, p.code, p.line])).toEqual([
      ['DATABASE_URL', 'LR_ENV_FORMAT', 2], ['SESSION_SECRET', 'LR_ENV_TOO_SHORT', 3], ['SESSION_SECRET', 'LR_ENV_PLACEHOLDER', 3],
      ['LOG_LEVEL', 'LR_ENV_ENUM', 4], ['PORT', 'LR_ENV_FORMAT', 5],
    ]);
    expect(r.out).not.toContain('db.internal');
    expect(r.out).not.toContain('changeme');
  });

  it('validates the process environment with --from-process', async () => {
    const ok = await run(['--env', 'production', '--from-process'], { DATABASE_URL: DB, SESSION_SECRET: SESSION, PATH: '/bin' });
    expect(ok).toMatchObject({ code: 0, out: '✓ production (process environment): 4 variables valid\n' });
    const bad = await run(['--from-process', '--format', 'json'], { SESSION_SECRET: SESSION });
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).problems).toEqual([expect.objectContaining({ variable: 'DATABASE_URL', code: 'LR_ENV_MISSING', actual: 'missing' })]);
    for (const out of [ok.out, bad.out]) expect(out).not.toContain(SESSION);
  });

  it('uses --schema without a config, and writes --output', async () => {
    const r = await run(['--schema', 'env.schema.yml', '--config', 'nowhere.yml', '--file', '.env.staging', '--output', 'report.json', '--format', 'json']);
    expect(r).toMatchObject({ code: 0, out: '' });
    expect(JSON.parse(await readFile(join(dir, 'report.json'), 'utf8'))).toMatchObject({ ok: true, source: { path: '.env.staging' } });
  });

  it.each([
    [[], /--env <name>/],
    [['--env', 'qa'], /env file .*\.env\.qa does not exist \(pass --file/],
    [['--env', 'production'], /config\/prod\.env does not exist/],
    [['--env', 'staging', '--config', 'noenv.yml'], /declares no env schema/],
    [['--env', 'staging', '--config', 'missing.yml'], /missing\.yml.*LR_CONFIG_FILE|LR_CONFIG_FILE.*missing\.yml/],
    [['--env', 'staging', '--schema', 'launchready.yml'], /LR_CONFIG/],
    [['--env', 'staging', '--format', 'xml'], /./],
    [['--file', 'bad.env', '--from-process'], /exclude each other/],
  ])('exits 2 for %j', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
