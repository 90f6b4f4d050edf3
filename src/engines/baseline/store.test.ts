import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baselinesDir, BaselineStoreError, listRuns, readRun, resolveRunRef, saveRun } from './store.js';
import { fakeEndpoint, fakeRun } from './test-fixtures.js';

let root: string;
beforeAll(async () => { root = await mkdtemp(join(tmpdir(), 'lr-baselines-')); });
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the baseline store', () => {
  it('saves runs by start time and lists them oldest first', async () => {
    const dir = baselinesDir(join(root, 'a'));
    expect(dir).toBe(join(root, 'a', '.launchready', 'baselines'));
    expect(await listRuns(dir)).toEqual([]);
    const second = await saveRun(dir, fakeRun([fakeEndpoint()], { startedAt: '2025-05-02T10:00:00.000Z' }));
    const first = await saveRun(dir, fakeRun([fakeEndpoint()], { startedAt: '2025-05-01T10:00:00.000Z' }));
    const again = await saveRun(dir, fakeRun([fakeEndpoint()], { startedAt: '2025-05-02T10:00:00.000Z' }));
    expect(basename(first)).toBe('2025-05-01T10-00-00.000Z.json');
    expect(basename(again)).toBe('2025-05-02T10-00-00.000Z-1.json');
    await writeFile(join(dir, 'notes.txt'), 'not a run');
    expect(await listRuns(dir)).toEqual([first, second, again]);
    expect(await resolveRunRef(dir, 'latest', root)).toBe(again);
    expect(await resolveRunRef(dir, 'previous', root)).toBe(second);
    expect(await resolveRunRef(dir, 'x/run.json', '/work')).toBe('/work/x/run.json');
    expect((await readRun(first)).startedAt).toBe('2025-05-01T10:00:00.000Z');
    expect(JSON.parse(await readFile(first, 'utf8')).format).toBe('launchready-baseline/1');
  });

  it('says what is missing', async () => {
    const dir = baselinesDir(join(root, 'empty'));
    await expect(resolveRunRef(dir, 'latest', root)).rejects.toThrow(/no saved baseline run/);
    await saveRun(dir, fakeRun([]));
    await expect(resolveRunRef(dir, 'previous', root)).rejects.toThrow(/only one saved baseline run/);
  });

  it.each([
    ['a missing file', null, /no baseline run at/],
    ['not JSON', 'hello', /is not a baseline run/],
    ['another JSON document', '{"requests": 3}', /is not a launchready baseline run/],
  ])('rejects %s', async (_name, content, message) => {
    const path = join(root, `bad-${Math.random().toString(36).slice(2)}.json`);
    if (content !== null) await writeFile(path, content);
    const err = await readRun(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BaselineStoreError);
    expect((err as Error).message).toMatch(message);
  });
});
