/** Domain names in SPF: what may be asked of DNS, and how expanded names are trimmed (RFC 7208 §4.3, §7.3). */

/** RFC 1035 §2.3.4 / RFC 7208 §7.3: a name is at most 253 characters in text form. */
const MAX_NAME = 253;
const MAX_LABEL = 63;

/** Drops one trailing dot (`example.com.` → `example.com`). */
export function stripTrailingDot(name: string): string {
  return name.length > 1 && name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * Whether `name` can be put into a DNS question: labels of 1–63 bytes, 253 bytes in all, one
 * trailing dot allowed. Names that fail this are never sent (RFC 7208 §4.3: a malformed
 * <domain> gives `none`; a malformed target name matches nothing, see `check-host.ts`).
 */
export function isQueryableName(name: string): boolean {
  const n = stripTrailingDot(name);
  if (n === '' || n === '.' || Buffer.byteLength(n) > MAX_NAME) return false;
  return n.split('.').every((label) => label.length > 0 && Buffer.byteLength(label) <= MAX_LABEL);
}

/**
 * Whether `domain` is acceptable as the <domain> argument of check_host() (RFC 7208 §4.3):
 * queryable, and a multi-label name, not an address literal such as `[192.0.2.1]`.
 */
export function isCheckableDomain(domain: string): boolean {
  const n = stripTrailingDot(domain);
  return !n.startsWith('[') && isQueryableName(n) && n.includes('.');
}

/**
 * RFC 7208 §7.3: "if the expanded domain name exceeds 253 characters …, the left side is
 * truncated to fit, by removing successive domain labels (and their following dots) until the
 * total length does not exceed 253 characters." A trailing dot is dropped first (§7.3 treats
 * a final dot as not part of the name).
 */
export function truncateExpandedName(name: string): string {
  let n = stripTrailingDot(name);
  // Each turn removes at least one character, so the loop ends.
  while (n.length > MAX_NAME) {
    const dot = n.indexOf('.');
    if (dot < 0) return n;
    n = n.slice(dot + 1);
  }
  return n;
}

/**
 * RFC 7208 §7.1 `toplabel`: `( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum )`
 * — not all-numeric, never starting or ending with a dash. Matched against the whole label.
 */
const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

/**
 * Whether a literal tail (the text after the last macro of a domain-spec) is a valid
 * `domain-end` (RFC 7208 §7.1): `"." toplabel [ "." ]`.
 */
export function endsWithTopLabel(tail: string): boolean {
  const t = tail.endsWith('.') ? tail.slice(0, -1) : tail;
  const dot = t.lastIndexOf('.');
  return dot >= 0 && TOPLABEL.test(t.slice(dot + 1));
}

/** Case-insensitive equality of names, ignoring one trailing dot. */
export function sameName(a: string, b: string): boolean {
  return stripTrailingDot(a).toLowerCase() === stripTrailingDot(b).toLowerCase();
}

/** Whether `name` is `parent` or a subdomain of it (RFC 7208 §5.5: "ends in the target-name"). */
export function isSameOrSubdomain(name: string, parent: string): boolean {
  const n = stripTrailingDot(name).toLowerCase();
  const p = stripTrailingDot(parent).toLowerCase();
  return n === p || n.endsWith(`.${p}`);
}
