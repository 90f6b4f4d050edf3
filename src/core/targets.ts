/** Views of the config that checks iterate over, so no check re-derives host lists itself. */
import type { HostConfig, LaunchConfig } from '../config/types.js';

export interface HostTarget extends HostConfig {
  environment: string;
  /** The environment's canonical origin (`https://app.acme.test`), when declared. */
  canonical?: string;
}

export interface Targets {
  /** Every declared host of every environment, in config order. */
  hosts(): HostTarget[];
  /** Hosts of one environment. */
  hostsOf(environment: string): HostTarget[];
  /** Hosts with a given role. */
  byRole(role: HostConfig['role']): HostTarget[];
  environments(): string[];
  /** Registrable domains (eTLD+1) of every declared host, for CAA and RDAP. */
  registrableDomains(): string[];
}

/** Builds the target views once per run; `registrable` maps a host name to its eTLD+1. */
export function createTargets(config: LaunchConfig, registrable: (host: string) => string): Targets {
  const all: HostTarget[] = Object.entries(config.environments).flatMap(([environment, env]) =>
    env.hosts.map((h) => ({ ...h, environment, canonical: env.canonical })),
  );
  return {
    hosts: () => all,
    hostsOf: (environment) => all.filter((h) => h.environment === environment),
    byRole: (role) => all.filter((h) => h.role === role),
    environments: () => Object.keys(config.environments),
    registrableDomains: () => [...new Set(all.map((h) => registrable(h.name)))],
  };
}
