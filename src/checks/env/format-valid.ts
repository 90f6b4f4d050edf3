/**
 * env.format-valid: every value in every declared env file matches its schema rule (format,
 * enum, pattern, minimum length, no placeholder in a secret) — reported without the value:
 * evidence shows a harmless value quoted, anything else as `<redacted, N chars>`.
 */
import { createCheck } from '../../core/create-check.js';
import { type EnvProblemCode, validateEnv } from '../../engines/env/index.js';
import { at, eachEnvFile } from '../../probes/env-files.js';

/** Problem codes this check reports, and their messageIds (presence is env.required-present's). */
const MESSAGE_OF: Partial<Record<EnvProblemCode, string>> = {
  LR_ENV_FORMAT: 'format',
  LR_ENV_ENUM: 'notInEnum',
  LR_ENV_PATTERN: 'pattern',
  LR_ENV_TOO_SHORT: 'tooShort',
  LR_ENV_PLACEHOLDER: 'placeholder',
  LR_ENV_SCHEMA: 'schema',
};

export default createCheck({
  meta: {
    id: 'env.format-valid',
    stage: 1,
    title: 'Environment values match their declared format',
    defaultSeverity: 'high',
    targetKind: 'file',
    needs: ['env', 'environments'],
  },
  messages: {
    format: '{{variable}} in {{file}} is not {{expected}} (got {{actual}})',
    notInEnum: '{{variable}} in {{file}} is not {{expected}} (got {{actual}})',
    pattern: '{{variable}} in {{file}} does not match the schema pattern (got {{actual}})',
    tooShort: '{{variable}} in {{file}} is shorter than the schema allows: expected {{expected}}, got {{actual}}',
    placeholder: '{{variable}} in {{file}} holds a placeholder, not a real secret',
    schema: '{{variable}}: the env schema entry cannot be applied (needs {{expected}})',
  },
  remediation: {
    format: 'Fix the value in this environment so it has the declared format (the schema\'s `format:`).',
    notInEnum: 'Use one of the values the schema lists (`enum:`), or add the new value to the schema if it is legitimate.',
    pattern: 'Fix the value so it matches the schema\'s `pattern:` (e.g. a live key where a test key was pasted).',
    tooShort: 'Generate a longer secret, e.g. `openssl rand -base64 48`, and rotate it in the environment.',
    placeholder: 'Replace the placeholder with a real, generated secret (and keep it out of the repository).',
    schema: 'Fix the env schema entry (a compiling `pattern`, an `enum` list beside `format: enum`).',
  },
  async run(ctx) {
    const vars = ctx.config.env?.vars ?? {};
    await eachEnvFile(ctx, (src, parsed) => {
      const problems = validateEnv(vars, parsed.values).problems.filter((p) => MESSAGE_OF[p.code]);
      if (!problems.length) {
        ctx.pass(src.environment, { evidence: { file: src.shown, checked: Object.keys(vars).filter((v) => v in parsed.values).length } });
        return;
      }
      for (const p of problems) {
        ctx.fail({
          target: `${src.environment}:${p.variable}`,
          messageId: MESSAGE_OF[p.code]!,
          evidence: {
            environment: src.environment, variable: p.variable, file: at(src, parsed, p.variable),
            expected: p.expected, actual: p.actual, code: p.code, ...(p.fromDefault ? { fromDefault: true } : {}),
          },
        });
      }
    });
  },
});
