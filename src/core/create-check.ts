/** `createCheck`: the one way a check is declared; the id comes from the file path or meta. */
import type { Check, CheckDefinition } from './types.js';

const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Declares a check. `meta.id` is required here because ESM modules cannot see their own path
 * portably at build time; the catalogue meta-test asserts that the id matches the file path.
 */
export function createCheck(def: CheckDefinition & { meta: { id: string } }): Check {
  const { id } = def.meta;
  if (!ID_PATTERN.test(id)) throw new Error(`check id "${id}" is not area.kebab-name`);
  if (typeof def.remediation === 'object') {
    for (const key of Object.keys(def.remediation)) {
      if (!(key in def.messages)) throw new Error(`${id}: remediation for unknown messageId "${key}"`);
    }
  }
  return Object.freeze({
    meta: Object.freeze({ ...def.meta, id, needs: [...def.meta.needs] }),
    messages: Object.freeze({ ...def.messages }),
    remediation: def.remediation,
    run: def.run,
  });
}

/** Fills `{{name}}` placeholders; unknown names stay visible rather than vanish. */
export function renderTemplate(template: string, data: Record<string, unknown> = {}): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, key: string) => {
    const value = data[key];
    if (value === undefined || value === null) return whole;
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

/** Docs link derived from the id, never typed by hand. */
export function docsLink(id: string): string {
  return `docs/checks/${id}.md`;
}
