/** `launchready checks list`: every registered check with id, stage, title and default severity. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { ALL_CHECKS } from '../checks/index.js';
import { docsLink } from '../core/create-check.js';
import { EXIT, type CommandIo } from './io.js';

export function registerChecksList(program: Command, io: CommandIo, setCode: (c: number) => void): void {
  const checks = program.command('checks').description('the check catalogue');
  checks
    .command('list')
    .description('every registered check with id, stage, title, default severity')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: string }) => {
      const rows = ALL_CHECKS.map((c) => ({
        id: c.meta.id, stage: c.meta.stage, title: c.meta.title, defaultSeverity: c.meta.defaultSeverity,
        targetKind: c.meta.targetKind, docs: docsLink(c.meta.id),
      }));
      if (flags.format === 'json') io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
      else {
        const w = Math.max(4, ...rows.map((r) => r.id.length));
        io.stdout(`${'id'.padEnd(w)}  stage  severity  title\n`);
        for (const r of rows) io.stdout(`${r.id.padEnd(w)}  ${String(r.stage).padEnd(5)}  ${r.defaultSeverity.padEnd(8)}  ${r.title}\n`);
      }
      setCode(EXIT.ok);
    });
}
