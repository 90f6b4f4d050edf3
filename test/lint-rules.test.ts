// The architecture rule is a lint rule: a check that reaches around ctx must fail `npm run lint`.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint rules for checks', () => {
  it.each([
    ["import dns from 'node:dns';\nexport const x = dns;\n", 'no-restricted-imports'],
    ["import { connect } from 'node:net';\nexport const x = connect;\n", 'no-restricted-imports'],
    ["import { request } from 'undici';\nexport const x = request;\n", 'no-restricted-imports'],
    ['export const t = Date.now();\n', 'no-restricted-properties'],
    ['export const e = process.env.HOME;\n', 'no-restricted-syntax'],
  ])('rejects %j inside src/checks', async (code, rule) => {
    expect(await ruleIds(code, 'src/checks/tls/example.ts')).toContain(rule);
  });

  it('allows the same code outside src/checks', async () => {
    expect(await ruleIds("import dns from 'node:dns';\nexport const x = dns;\nexport const t = Date.now();\n", 'src/context/example.ts')).toEqual([]);
  });
});
