/** writeDeliverables through an in-memory writer and through node:fs in a temporary folder. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_RUN } from '../reporters/__fixtures__/run.js';
import { renderHtml } from '../reporters/html.js';
import { DELIVERABLE_FILES, nodeWriter, writeDeliverables, type DeliverableWriter } from './write.js';

function memoryWriter(): DeliverableWriter & { files: Map<string, string>; dirs: string[] } {
  const files = new Map<string, string>();
  const dirs: string[] = [];
  return {
    files,
    dirs,
    writeFile: async (path, data) => {
      files.set(path, data);
    },
    mkdir: async (path) => {
      dirs.push(path);
    },
  };
}

describe('writeDeliverables', () => {
  it('writes the four files into the folder, creating it first', async () => {
    const w = memoryWriter();
    const written = await writeDeliverables(FIXTURE_RUN, '/out/audit', w);
    expect(w.dirs).toEqual(['/out/audit']);
    expect(written).toEqual(DELIVERABLE_FILES.map((f) => join('/out/audit', f)));
    expect(w.files.get(join('/out/audit', 'report.html'))).toBe(renderHtml(FIXTURE_RUN));
    expect(w.files.get(join('/out/audit', 'risk-list.md'))).toMatch(/^# Risk list: Acme Ops\n/);
    expect(w.files.get(join('/out/audit', 'deployment-map.md'))).toContain('```mermaid\nflowchart LR');
    expect(JSON.parse(w.files.get(join('/out/audit', 'report.json'))!)).toHaveProperty('summary.blocker', 3);
  });

  it('stops at the first failing write', async () => {
    const w = memoryWriter();
    w.writeFile = async () => {
      throw new Error('disk full');
    };
    await expect(writeDeliverables(FIXTURE_RUN, '/out', w)).rejects.toThrow('disk full');
  });

  it('writes real files with the node:fs writer (nested folder)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'launchready-deliverables-'));
    try {
      const dir = join(root, 'a', 'b');
      await writeDeliverables(FIXTURE_RUN, dir, nodeWriter());
      expect((await readdir(dir)).sort()).toEqual([...DELIVERABLE_FILES].sort());
      expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe(renderHtml(FIXTURE_RUN));
      // A second run over the same folder overwrites without complaint.
      await writeDeliverables(FIXTURE_RUN, dir, nodeWriter());
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
