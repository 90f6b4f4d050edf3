/**
 * `${NAME}` interpolation from an injected environment map (the CLI passes `process.env`; tests
 * pass a literal object). `$${NAME}` is the escape for a literal `${NAME}`. Every interpolated
 * value is recorded: those values are the run's secrets, redacted from every output.
 */
import { isScalar, type Node, type Scalar, visit } from 'yaml';
import type { ConfigProblem } from './errors.js';
import { formatPath, type PathSegment, positionAt, type YamlSource } from './yaml-source.js';

/** The environment the loader reads `${NAME}` from. */
export type EnvMap = Readonly<Record<string, string | undefined>>;

/** A problem inside one string, located by character index in that string's source token. */
export interface InterpolationIssue {
  code: 'LR_CONFIG_ENV_MISSING' | 'LR_CONFIG_INTERPOLATION';
  /** The variable name (or the broken text) at fault. */
  name: string;
  /** The text to look for in the raw source (`${NAME}`), to locate the column. */
  token: string;
  message: string;
  fix: string;
}

/** Result of interpolating one string. */
export interface InterpolatedString {
  value: string;
  /** Variables read, in order, with their values. */
  used: { name: string; value: string }[];
  issues: InterpolationIssue[];
}

// POSIX-style names: what a shell would accept in `export NAME=…`.
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Interpolates one string; never throws, reports every broken reference in it. */
export function interpolateString(input: string, env: EnvMap): InterpolatedString {
  let value = '';
  const used: InterpolatedString['used'] = [];
  const issues: InterpolationIssue[] = [];
  let i = 0;
  while (i < input.length) {
    if (input.startsWith('$${', i)) {
      // Escape: `$${X}` is the literal text `${X}`; the rest (`X}`) is copied as it comes.
      value += '${';
      i += 3;
      continue;
    }
    if (!input.startsWith('${', i)) {
      value += input[i];
      i++;
      continue;
    }
    const close = input.indexOf('}', i + 2);
    if (close < 0) {
      issues.push({
        code: 'LR_CONFIG_INTERPOLATION',
        name: input.slice(i),
        token: '${',
        message: '"${" is never closed by "}"',
        fix: 'write ${NAME}, or $${ for a literal "${"',
      });
      value += input.slice(i);
      break;
    }
    const name = input.slice(i + 2, close).trim();
    const token = input.slice(i, close + 1);
    if (!NAME.test(name)) {
      value += token;
      issues.push({
        code: 'LR_CONFIG_INTERPOLATION',
        name,
        token,
        message: `"${token}" is not a variable reference: names are letters, digits and _, not starting with a digit`,
        fix: 'write ${NAME}, or $${ for a literal "${"',
      });
    } else {
      const v = env[name];
      if (v === undefined) {
        // Keep the reference as written: an empty value would add a second, misleading problem.
        value += token;
        issues.push({
          code: 'LR_CONFIG_ENV_MISSING',
          name,
          token,
          message: `environment variable ${name} is not set`,
          fix: `set ${name} in the environment, or write $\${${name}} for a literal "\${${name}}"`,
        });
      } else {
        used.push({ name, value: v });
        value += v;
      }
    }
    i = close + 1;
  }
  return { value, used, issues };
}

/** What interpolating a whole document produced. */
export interface DocumentInterpolation {
  problems: ConfigProblem[];
  /** Every non-empty interpolated value (the run's secrets), in first-seen order, deduplicated. */
  secrets: string[];
  /** Names of the variables read. */
  names: string[];
  /** Scalars whose value came (partly) from the environment: their values are never echoed in messages. */
  interpolated: Set<Node>;
}

/** Column of the `occurrence`-th `token` inside a scalar's raw source, else the scalar's start. */
function offsetOf(source: YamlSource, node: Scalar, token: string, occurrence: number): number {
  const [start, end] = node.range ?? [0, 0];
  const raw = source.text.slice(start, end);
  let at = -1;
  for (let n = 0; n <= occurrence; n++) {
    at = raw.indexOf(token, at + 1);
    if (at < 0) return start;
  }
  return start + at;
}

/**
 * Interpolates every string value of the document in place (keys are left alone), so later
 * validation sees the final values while positions still point at the written text.
 */
export function interpolateDocument(source: YamlSource, env: EnvMap): DocumentInterpolation {
  const problems: ConfigProblem[] = [];
  const secrets = new Set<string>();
  const names = new Set<string>();
  const interpolated = new Set<Node>();
  visit(source.doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.value.includes('${')) return;
      const result = interpolateString(node.value, env);
      const seen = new Map<string, number>();
      for (const issue of result.issues) {
        const occurrence = seen.get(issue.token) ?? 0;
        seen.set(issue.token, occurrence + 1);
        problems.push({
          code: issue.code,
          file: source.file,
          ...positionAt(source, offsetOf(source, node, issue.token, occurrence)),
          path: formatPath(pathOf(path, node)),
          message: issue.message,
          fix: issue.fix,
        });
      }
      for (const u of result.used) {
        names.add(u.name);
        if (u.value !== '') secrets.add(u.value);
      }
      if (result.used.length || result.value !== node.value) {
        node.value = result.value;
        interpolated.add(node);
      }
    },
  });
  return { problems, secrets: [...secrets], names: [...names], interpolated };
}

/** Rebuilds the value path (`['api', 'login', 'body', 'password']`) from a visitor's ancestry. */
function pathOf(ancestry: readonly unknown[], node: unknown): PathSegment[] {
  const out: PathSegment[] = [];
  const chain = [...ancestry, node];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1] as { items?: unknown[]; key?: unknown; value?: unknown };
    const child = chain[i];
    if (Array.isArray(parent.items) && !('key' in parent && 'value' in parent)) {
      // A sequence's index; a map's items are pairs, whose key is added when we reach the pair.
      const idx = parent.items.indexOf(child);
      if (idx >= 0 && !isPairLike(child)) out.push(idx);
    } else if (isPairLike(parent) && parent.value === child) {
      out.push(isScalar(parent.key) ? String(parent.key.value) : String(parent.key));
    }
  }
  return out;
}

const isPairLike = (x: unknown): x is { key: unknown; value: unknown } =>
  !!x && typeof x === 'object' && 'key' in x && 'value' in x && !('items' in x);
