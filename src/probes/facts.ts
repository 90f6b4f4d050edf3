/**
 * Facts for the deployment map: what each declared host resolves to, where its URLs redirect, and
 * its certificate. Gathered through the same memoised probes the checks used, so it costs nothing
 * extra after an audit.
 */
import type { Clock } from '../context/types.js';
import type { Targets } from '../core/targets.js';
import type { HostFact, RunFacts } from '../core/types.js';
import type { Probes } from './types.js';

const DAY_MS = 86_400_000;

async function hostFact(p: Probes, clock: Clock, host: ReturnType<Targets['hosts']>[number]): Promise<HostFact> {
  const fact: HostFact = { name: host.name, environment: host.environment, role: host.role, addresses: [], cnames: [], redirects: [] };
  const addrs = await p.addresses(host.name);
  if (!addrs.ok) return { ...fact, error: addrs.error.message };
  fact.addresses = [...addrs.value.a, ...addrs.value.aaaa];
  fact.cnames = addrs.value.cnames;
  if (addrs.value.status !== 'ok') return { ...fact, error: addrs.value.status };
  for (const scheme of ['http', 'https']) {
    const chain = await p.redirects(`${scheme}://${host.name}/`);
    fact.redirects.push({
      from: chain.start,
      chain: chain.hops.map((h) => h.url),
      final: chain.final ? chain.hops[chain.hops.length - 1]?.url : undefined,
      status: chain.hops.map((h) => h.status),
    });
  }
  const tls = await p.tls(host.name);
  if (tls.ok && tls.value.chain[0]) {
    const leaf = tls.value.chain[0];
    fact.certificate = {
      issuer: leaf.issuerOrganization ? `${leaf.issuer} (${leaf.issuerOrganization})` : leaf.issuer,
      validTo: leaf.validTo.toISOString(),
      daysLeft: Math.floor((leaf.validTo.getTime() - clock.now().getTime()) / DAY_MS),
      names: leaf.subjectAltNames,
    };
  }
  return fact;
}

/** Gathers every environment's host facts concurrently. */
export async function gatherFacts(targets: Targets, probes: Probes, clock: Clock, canonical: (env: string) => string | undefined): Promise<RunFacts> {
  const environments = await Promise.all(
    targets.environments().map(async (name) => ({
      name,
      canonical: canonical(name),
      hosts: await Promise.all(targets.hostsOf(name).map((h) => hostFact(probes, clock, h))),
    })),
  );
  return { environments };
}
