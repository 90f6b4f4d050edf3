/**
 * Chromium command-line flags that make a headless browser follow the run's network overrides:
 * host-resolver rules from our own DNS answers and port overrides, trust in `network.ca` by
 * public-key hash, and a quiet, reproducible profile. Pure functions, unit-tested.
 */
import { createHash, X509Certificate } from 'node:crypto';
import net from 'node:net';

export interface HostMapping {
  host: string;
  /** The address our DNS client resolved the host to. */
  address: string;
}

export interface RuleOptions {
  /** `network.ports`: where :443 and :80 really listen. */
  ports?: { http?: number; https?: number };
  /** Send every other name to NOTFOUND (a private resolver: the system's must not be asked). */
  blockOthers: boolean;
}

/** A host name Chromium's rule parser takes literally (no spaces, commas or wildcards). */
const SAFE_HOST = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*$/;

const hostPart = (address: string) => (net.isIPv6(address) ? `[${address}]` : address);

/**
 * `--host-resolver-rules` value. Chromium matches a rule's pattern against `host:port` or the
 * bare host and applies the first rule that matches (net/base/host_mapping_rules.cc), so the
 * port-specific rules come before the catch-all per host: `MAP app.x:443 127.0.0.1:8443`
 * sends HTTPS to the override port, `MAP app.x 127.0.0.1` keeps any explicit port.
 */
export function hostResolverRules(mappings: readonly HostMapping[], opts: RuleOptions): string {
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const { host, address } of mappings) {
    const h = host.toLowerCase().replace(/\.$/, '');
    if (!SAFE_HOST.test(h) || seen.has(h) || net.isIP(address) === 0) continue;
    seen.add(h);
    if (opts.ports?.https) rules.push(`MAP ${h}:443 ${hostPart(address)}:${opts.ports.https}`);
    if (opts.ports?.http) rules.push(`MAP ${h}:80 ${hostPart(address)}:${opts.ports.http}`);
    rules.push(`MAP ${h} ${hostPart(address)}`);
  }
  if (opts.blockOthers) rules.push('MAP * ~NOTFOUND');
  return rules.join(', ');
}

/**
 * Base64 SHA-256 of the SubjectPublicKeyInfo of every certificate in a PEM bundle, the form
 * `--ignore-certificate-errors-spki-list` takes. Chromium accepts a chain in which any key
 * matches, so the roots of `network.ca` are enough. Unparsable blocks are skipped.
 */
export function spkiHashes(pem: string): string[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const hashes = new Set<string>();
  for (const block of blocks) {
    try {
      const spki = new X509Certificate(block).publicKey.export({ type: 'spki', format: 'der' });
      hashes.add(createHash('sha256').update(spki).digest('base64'));
    } catch {
      // Not a certificate node can read: it simply adds no trust.
    }
  }
  return [...hashes];
}

/**
 * The flags of one audit run: headless, no sandbox (containers and CI run as root), no GPU, no
 * QUIC (UDP would bypass the TCP port overrides), and nothing that phones home or updates itself
 * mid-run. chrome-launcher adds its own Lighthouse defaults and the profile folder.
 */
export function chromiumFlags(opts: { hostRules?: string; spki?: readonly string[] }): string[] {
  const flags = [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (opts.hostRules) flags.push(`--host-resolver-rules=${opts.hostRules}`);
  if (opts.spki?.length) flags.push(`--ignore-certificate-errors-spki-list=${opts.spki.join(',')}`);
  return flags;
}
