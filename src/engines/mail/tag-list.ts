/**
 * The `tag=value; tag=value` syntax shared by DKIM key records (RFC 6376 §3.2), DMARC
 * (RFC 7489 §6.4), MTA-STS TXT records (RFC 8461 §3.1) and TLS-RPT (RFC 8460 §3), plus the
 * TXT-record joining every one of them relies on.
 */

/** One `name=value` pair as written, with its position in the record (0-based, end exclusive). */
export interface Tag {
  name: string;
  value: string;
  start: number;
  end: number;
}

export interface TagList {
  tags: Tag[];
  /** Syntax problems: a tag without `=`, an empty or malformed name, a duplicated name. */
  problems: string[];
}

// RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC (ALNUMPUNC adds "_").
const TAG_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * Splits a record into tags. Whitespace around names, `=` and values is folding white space and
 * dropped; an empty segment (a trailing `;`) is allowed. Names compare case-sensitively in DKIM
 * and case-insensitively in DMARC: callers normalise as their RFC says.
 */
export function parseTagList(record: string, opts: { lowerCaseNames?: boolean } = {}): TagList {
  const tags: Tag[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const segment of record.split(';')) {
    const start = offset;
    offset += segment.length + 1;
    if (segment.trim() === '') continue;
    const eq = segment.indexOf('=');
    if (eq === -1) {
      problems.push(`"${segment.trim()}" is not a tag=value pair`);
      continue;
    }
    const rawName = segment.slice(0, eq).trim();
    const name = opts.lowerCaseNames ? rawName.toLowerCase() : rawName;
    if (!TAG_NAME.test(rawName)) {
      problems.push(`"${rawName}" is not a valid tag name`);
      continue;
    }
    // RFC 6376 §3.2: a duplicated tag name makes the whole tag-list invalid.
    if (seen.has(name)) problems.push(`tag "${name}" appears more than once`);
    seen.add(name);
    const leading = segment.length - segment.trimStart().length;
    tags.push({ name, value: segment.slice(eq + 1).trim(), start: start + leading, end: start + segment.trimEnd().length });
  }
  return { tags, problems };
}

/** The value of the first tag called `name`, if any. */
export function tagValue(list: TagList, name: string): string | undefined {
  return list.tags.find((t) => t.name === name)?.value;
}

/**
 * One TXT record's text: its character-strings concatenated without separators (RFC 7208 §3.3,
 * RFC 6376 §3.6.2.2, RFC 7489 §6.1 all say so).
 */
export function joinTxt(data: unknown): string {
  if (Array.isArray(data)) return data.map(String).join('');
  return String(data ?? '');
}

/** Whether `text` starts with the version tag `v=<version>` followed by `;` or the end. */
export function hasVersionTag(text: string, version: string, opts: { caseInsensitive?: boolean } = {}): boolean {
  const m = /^\s*v\s*=\s*([^;\s]*)\s*(?:;|$)/.exec(text);
  if (!m) return false;
  return opts.caseInsensitive ? m[1].toLowerCase() === version.toLowerCase() : m[1] === version;
}
