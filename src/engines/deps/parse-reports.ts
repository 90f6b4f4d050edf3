/**
 * The auditors' JSON, normalised. Four shapes exist in the wild:
 * - npm 7+ (`auditReportVersion: 2`): `vulnerabilities` keyed by package, `via` holding
 *   advisories (objects) or the names of vulnerable dependencies (strings);
 * - the legacy report (npm 6, pnpm, Yarn 2–3 raw): `advisories` keyed by id, with `findings`;
 * - Yarn 1 NDJSON: `auditAdvisory` and `auditSummary` lines;
 * - Yarn 4 NDJSON: one `{ value, children: { ID, Issue, URL, Severity, … } }` line per advisory,
 *   with deprecation notices mixed in (string ID `"<pkg> (deprecation)"`), which are no advisory.
 * Anything else is "not a report" (undefined), for the caller to explain.
 */
import {
  type Advisory, type AdvisorySeverity, normaliseSeverity, SEVERITY_ORDER, type VulnerablePackage, worse,
} from './types.js';

export interface ParsedReport {
  packages: VulnerablePackage[];
  counts: Record<AdvisorySeverity, number>;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Parses any supported auditor output; undefined when it is not an audit report. */
export function parseAuditOutput(stdout: string): ParsedReport | undefined {
  const doc = parseJson(stdout.trim());
  if (isObj(doc)) {
    if (isObj(doc.vulnerabilities) && (doc.auditReportVersion !== undefined || isObj(doc.metadata))) return parseNpm(doc);
    if (isObj(doc.advisories)) return parseLegacy(doc.advisories);
  }
  const lines = stdout.split('\n').map((l) => parseJson(l.trim())).filter(isObj);
  if (lines.some((l) => l.type === 'auditSummary' || l.type === 'auditAdvisory')) return parseYarnClassic(lines);
  if (lines.length && lines.every((l) => typeof l.value === 'string' && isObj(l.children))) return parseYarnBerry(lines);
  // Yarn 4 prints nothing but an info line when there is nothing to report.
  if (lines.length && lines.every((l) => l.type === 'info' || (typeof l.name === 'number' && typeof l.data === 'string'))) return report([]);
  return undefined;
}

function parseJson(text: string): unknown {
  if (!text || (text[0] !== '{' && text[0] !== '[')) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function report(packages: VulnerablePackage[]): ParsedReport {
  const counts = Object.fromEntries(SEVERITY_ORDER.map((s) => [s, 0])) as Record<AdvisorySeverity, number>;
  for (const p of packages) counts[p.severity]++;
  packages.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.name.localeCompare(b.name));
  return { packages, counts };
}

/** Adds an advisory to the package's entry, creating it, keeping the worst severity. */
function addAdvisory(map: Map<string, VulnerablePackage>, name: string, adv: Advisory, extra: Partial<VulnerablePackage> = {}) {
  const cur = map.get(name);
  if (!cur) {
    map.set(name, { name, severity: adv.severity, advisories: [adv], ...extra });
    return;
  }
  cur.severity = worse(cur.severity, adv.severity);
  if (!cur.advisories.some((a) => a.id !== undefined && a.id === adv.id)) cur.advisories.push(adv);
  for (const v of extra.versions ?? []) if (!cur.versions?.includes(v)) cur.versions = [...(cur.versions ?? []), v];
  for (const d of extra.dependents ?? []) if (!cur.dependents?.includes(d)) cur.dependents = [...(cur.dependents ?? []), d];
  if (extra.direct) cur.direct = true;
}

function parseNpm(doc: Json): ParsedReport {
  const entries = Object.entries(doc.vulnerabilities as Json).filter(([, v]) => isObj(v)) as [string, Json][];
  const map = new Map<string, VulnerablePackage>();
  // `via` strings mean "vulnerable because of that dependency": record the dependent instead.
  const dependents = new Map<string, string[]>();
  for (const [name, v] of entries) {
    for (const via of Array.isArray(v.via) ? v.via : []) {
      if (typeof via === 'string') dependents.set(via, [...(dependents.get(via) ?? []), name]);
    }
  }
  for (const [name, v] of entries) {
    for (const via of Array.isArray(v.via) ? v.via : []) {
      if (!isObj(via)) continue;
      addAdvisory(map, name, {
        id: (via.source as number | undefined) ?? str(via.url),
        title: str(via.title) ?? 'advisory',
        url: str(via.url),
        severity: normaliseSeverity(via.severity),
        range: str(via.range),
      }, { direct: v.isDirect === true, ...(dependents.get(name) ? { dependents: dependents.get(name) } : {}) });
    }
  }
  return report([...map.values()]);
}

function legacyAdvisory(a: Json): Advisory {
  return {
    id: (a.id as number | undefined) ?? str(a.github_advisory_id),
    title: str(a.title) ?? 'advisory',
    url: str(a.url),
    severity: normaliseSeverity(a.severity),
    range: str(a.vulnerable_versions),
  };
}

/** `findings[].paths` like `.>body-parser>qs`: the parent of the last hop is the dependent. */
function fromPaths(paths: string[]): Partial<VulnerablePackage> {
  const hops = paths.map((p) => p.split('>').filter((h) => h && h !== '.'));
  const dependents = [...new Set(hops.filter((h) => h.length > 1).map((h) => h[h.length - 2]))];
  return { direct: hops.some((h) => h.length === 1), ...(dependents.length ? { dependents } : {}) };
}

function parseLegacy(advisories: Json): ParsedReport {
  const map = new Map<string, VulnerablePackage>();
  for (const a of Object.values(advisories).filter(isObj)) {
    const name = str(a.module_name);
    if (!name) continue;
    const findings = (Array.isArray(a.findings) ? a.findings : []).filter(isObj);
    const versions = [...new Set(findings.map((f) => str(f.version)).filter((v): v is string => Boolean(v)))];
    const paths = findings.flatMap((f) => (Array.isArray(f.paths) ? f.paths.filter((p): p is string => typeof p === 'string') : []));
    addAdvisory(map, name, legacyAdvisory(a), { ...(versions.length ? { versions } : {}), ...fromPaths(paths) });
  }
  return report([...map.values()]);
}

function parseYarnClassic(lines: Json[]): ParsedReport {
  const map = new Map<string, VulnerablePackage>();
  for (const line of lines) {
    if (line.type !== 'auditAdvisory' || !isObj(line.data) || !isObj(line.data.advisory)) continue;
    const a = line.data.advisory;
    const name = str(a.module_name);
    if (!name) continue;
    const resolution = isObj(line.data.resolution) ? line.data.resolution : {};
    const version = (Array.isArray(a.findings) ? a.findings : []).filter(isObj).map((f) => str(f.version)).find(Boolean);
    addAdvisory(map, name, legacyAdvisory(a), { ...(version ? { versions: [version] } : {}), ...fromPaths(str(resolution.path) ? [str(resolution.path)!] : []) });
  }
  return report([...map.values()]);
}

function parseYarnBerry(lines: Json[]): ParsedReport {
  const map = new Map<string, VulnerablePackage>();
  for (const line of lines) {
    const c = line.children as Json;
    // Deprecations come as advisories with a string ID "<pkg> (deprecation)": hygiene, not security.
    if (typeof c.ID === 'string' && /\(deprecation\)$/.test(c.ID)) continue;
    const versions = Array.isArray(c['Tree Versions']) ? c['Tree Versions'].filter((v): v is string => typeof v === 'string') : [];
    const dependents = Array.isArray(c.Dependents) ? c.Dependents.filter((v): v is string => typeof v === 'string') : [];
    addAdvisory(map, line.value as string, {
      id: c.ID as string | number | undefined,
      title: str(c.Issue) ?? 'advisory',
      url: str(c.URL),
      severity: normaliseSeverity(c.Severity),
      range: str(c['Vulnerable Versions']),
    }, {
      ...(versions.length ? { versions } : {}),
      ...(dependents.length ? { dependents: dependents.map((d) => d.replace(/@(?:npm|workspace):.*$/, '')) } : {}),
      direct: dependents.some((d) => d.includes('@workspace:')),
    });
  }
  return report([...map.values()]);
}
