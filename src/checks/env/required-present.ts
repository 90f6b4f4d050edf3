/**
 * env.required-present: every variable the env schema requires is set in the env file of every
 * environment that declares one. A variable is required unless it says `required: false` or
 * has a `default`.
 */
import { createCheck } from '../../core/create-check.js';
import { validateEnv } from '../../engines/env/index.js';
import { at, eachEnvFile } from '../../probes/env-files.js';

export default createCheck({
  meta: {
    id: 'env.required-present',
    stage: 1,
    title: 'Required environment variables are set in every environment',
    defaultSeverity: 'blocker',
    targetKind: 'file',
    needs: ['env', 'environments'],
  },
  messages: {
    missing: '{{variable}} is required by the env schema but not set in {{file}} ({{environment}})',
    empty: '{{variable}} is required by the env schema but empty in {{file}} ({{environment}})',
  },
  remediation: {
    missing: 'Add the variable to the environment (its env file, or the platform\'s settings the file mirrors), or give it a `default` / `required: false` in the env schema if the app really runs without it.',
    empty: 'Give the variable a value in this environment, or declare `required: false` if empty is acceptable.',
  },
  async run(ctx) {
    const vars = ctx.config.env?.vars ?? {};
    await eachEnvFile(ctx, (src, parsed) => {
      const absent = validateEnv(vars, parsed.values).problems.filter((p) => p.code === 'LR_ENV_MISSING' || p.code === 'LR_ENV_EMPTY');
      if (!absent.length) {
        ctx.pass(src.environment, { evidence: { file: src.shown, required: Object.keys(vars).length } });
        return;
      }
      for (const p of absent) {
        ctx.fail({
          target: `${src.environment}:${p.variable}`,
          messageId: p.code === 'LR_ENV_EMPTY' ? 'empty' : 'missing',
          evidence: {
            environment: src.environment, variable: p.variable, file: at(src, parsed, p.variable),
            expected: 'set (required by the env schema)', actual: p.actual,
          },
        });
      }
    });
  },
});
