/** The dependency engine: lockfile detection, the package manager's auditor, its reports normalised. */
export * from './types.js';
export { auditCommand, findLockfiles } from './lockfile.js';
export { parseAuditOutput, type ParsedReport } from './parse-reports.js';
export { type AuditOptions, explain, runDependencyAudit } from './run-audit.js';
