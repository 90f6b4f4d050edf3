/**
 * Published address ranges of the CDNs whose edge answers with anycast addresses and no telling
 * CNAME (a proxied Cloudflare record is a plain A record). Both lists are short and change rarely;
 * when one changes, update it here with the date.
 *
 * Sources, as published (taken 2026-11-29, matching the providers' lists of 2026-09):
 * - Cloudflare: https://www.cloudflare.com/ips-v4 and https://www.cloudflare.com/ips-v6
 * - Fastly:     https://api.fastly.com/public-ip-list (`addresses`, `ipv6_addresses`)
 */
import { BlockList, isIP } from 'node:net';

export interface CdnRange {
  provider: string;
  cidrs: readonly string[];
}

export const CDN_RANGES: readonly CdnRange[] = Object.freeze([
  {
    provider: 'Cloudflare',
    cidrs: [
      '173.245.48.0/20', '103.21.244.0/22', '103.22.200.0/22', '103.31.4.0/22', '141.101.64.0/18',
      '108.162.192.0/18', '190.93.240.0/20', '188.114.96.0/20', '197.234.240.0/22', '198.41.128.0/17',
      '162.158.0.0/15', '104.16.0.0/13', '104.24.0.0/14', '172.64.0.0/13', '131.0.72.0/22',
      '2400:cb00::/32', '2606:4700::/32', '2803:f800::/32', '2405:b500::/32', '2405:8100::/32',
      '2a06:98c0::/29', '2c0f:f248::/32',
    ],
  },
  {
    provider: 'Fastly',
    cidrs: [
      '23.235.32.0/20', '43.249.72.0/22', '103.244.50.0/24', '103.245.222.0/23', '103.245.224.0/24',
      '104.156.80.0/20', '140.248.64.0/18', '140.248.128.0/17', '146.75.0.0/17', '151.101.0.0/16',
      '157.52.64.0/18', '167.82.0.0/17', '167.82.128.0/20', '167.82.160.0/20', '167.82.224.0/20',
      '172.111.64.0/18', '185.31.16.0/22', '199.27.72.0/21', '199.232.0.0/16',
      '2a04:4e40::/32', '2a04:4e42::/32',
    ],
  },
]);

/** Which published range an address falls in: the provider and the matching CIDR. */
export type RangeMatcher = (address: string) => { provider: string; cidr: string } | undefined;

/**
 * Builds a matcher over `ranges` (default: the embedded lists). One `BlockList` per CIDR so the
 * matching CIDR can be named in evidence; a few dozen checks per address is nothing.
 */
export function createRangeMatcher(ranges: readonly CdnRange[] = CDN_RANGES): RangeMatcher {
  const lists = ranges.flatMap((r) =>
    r.cidrs.map((cidr) => {
      const [net, bits] = cidr.split('/');
      const family = isIP(net) === 6 ? 'ipv6' : 'ipv4';
      const list = new BlockList();
      list.addSubnet(net, Number(bits), family);
      return { provider: r.provider, cidr, family, list } as const;
    }),
  );
  return (address) => {
    const version = isIP(address);
    if (version === 0) return undefined;
    const family = version === 6 ? 'ipv6' : 'ipv4';
    const hit = lists.find((l) => l.family === family && l.list.check(address, family));
    return hit ? { provider: hit.provider, cidr: hit.cidr } : undefined;
  };
}
