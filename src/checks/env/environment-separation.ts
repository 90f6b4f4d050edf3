/**
 * env.environment-separation: production shares no secret and no backend with staging (or any
 * other declared environment). Values are compared as SHA-256 digests; results name the
 * variable, never the value or its digest.
 */
import { createCheck } from '../../core/create-check.js';
import { productionEnvironments } from '../../core/production.js';
import { sharedValues } from '../../engines/env/index.js';
import { at, envFileSources, readSource } from '../../probes/env-files.js';

export default createCheck({
  meta: {
    id: 'env.environment-separation',
    stage: 1,
    title: 'Production shares no secret or backend with other environments',
    defaultSeverity: 'blocker',
    targetKind: 'file',
    needs: ['environments'],
  },
  messages: {
    secret: '{{variable}} holds the same secret in {{environment}} and {{production}}',
    resourceUrl: '{{variable}} points {{environment}} at the same backend URL as {{production}}',
    sameBackend: '{{variable}} points {{environment}} at {{production}}\'s backend (same host and database, other credentials)',
  },
  remediation: {
    secret: 'Generate a separate secret for each environment and rotate the production one: anyone with staging access holds it today.',
    resourceUrl: 'Give the non-production environment its own database / cache / queue, and rotate the production credentials it knew.',
    sameBackend: 'Point the non-production environment at its own backend; a staging deploy must never be able to touch production data.',
  },
  async run(ctx) {
    const vars = ctx.config.env?.vars ?? {};
    const { declared } = envFileSources(ctx.config);
    const prodNames = new Set(productionEnvironments(ctx.targets));
    const production = declared.filter((s) => prodNames.has(s.environment));
    const others = declared.filter((s) => !prodNames.has(s.environment));
    if (!production.length) {
      ctx.skip(ctx.config.project, 'no production environment declares an `env_file` to compare');
      return;
    }
    if (!others.length) {
      ctx.skip(ctx.config.project, 'no other environment declares an `env_file` to compare with production');
      return;
    }
    const reads = new Map(await Promise.all(declared.map(async (s) => [s.environment, await readSource(s)] as const)));
    for (const prod of production) {
      const p = reads.get(prod.environment)!;
      if ('error' in p) {
        ctx.error(prod.environment, p.error, { file: prod.shown });
        continue;
      }
      for (const other of others) {
        const o = reads.get(other.environment)!;
        if ('error' in o) {
          ctx.error(other.environment, o.error, { file: other.shown });
          continue;
        }
        const shared = sharedValues(p.parsed.values, o.parsed.values, vars);
        if (!shared.length) {
          ctx.pass(other.environment, { evidence: { comparedWith: prod.environment, files: [prod.shown, other.shown] } });
          continue;
        }
        for (const s of shared) {
          ctx.fail({
            target: `${other.environment}:${s.variable}`,
            messageId: s.kind,
            data: { production: prod.environment },
            evidence: {
              variable: s.variable, environment: other.environment, production: prod.environment,
              files: [at(prod, p.parsed, s.variable), at(other, o.parsed, s.variable)],
              expected: 'a different value in each environment',
              actual: s.kind === 'sameBackend' ? 'same host and database (compared as digests; values not shown)' : 'identical (compared as SHA-256 digests; value not shown)',
            },
          });
        }
      }
    }
  },
});
