/**
 * DMARC policy discovery (RFC 7489 §6.6.3): `_dmarc.<domain>`, and when that holds no DMARC
 * record, `_dmarc.<organizational domain>` — found with the Public Suffix List (tldts), as
 * RFC 7489 §3.2 defines it. DMARCbis replaces the list by a DNS tree walk; for the domains a
 * product sends from both find the same record, so the list is used here.
 * Also checks external report destinations (§7.1): a `rua`/`ruf` host outside the policy's
 * organizational domain must publish `<policy domain>._report._dmarc.<host>` or receivers
 * send it nothing.
 */
import { getDomain } from 'tldts';
import type { TxtLookup } from '../mail/txt-lookup.js';
import { isDmarcRecord, type DmarcRecord } from './parse.js';

export type { TxtLookup } from '../mail/txt-lookup.js';

export interface DmarcDiscovery {
  domain: string;
  organizationalDomain: string;
  /** Names asked, in order. */
  queried: string[];
  /** Where the applying policy was found. */
  source: 'domain' | 'organizational' | 'none';
  /** The domain whose `_dmarc` record applies (the one reports must be authorised for). */
  policyDomain?: string;
  /** DMARC candidates (`v=DMARC1…`) at the deciding name; more than one is an error. */
  records: string[];
  /** Other TXT records found there (ignored by receivers). */
  ignored: string[];
}

/** The organizational domain (RFC 7489 §3.2): the registrable domain, private suffixes included. */
export function organizationalDomain(domain: string): string {
  const name = domain.toLowerCase().replace(/\.$/, '');
  return getDomain(name, { allowPrivateDomains: true }) ?? name;
}

/** Finds the DMARC record(s) that apply to `domain`. Throws what `lookup` throws. */
export async function discoverDmarc(domain: string, lookup: TxtLookup): Promise<DmarcDiscovery> {
  const name = domain.toLowerCase().replace(/\.$/, '');
  const org = organizationalDomain(name);
  const queried: string[] = [];
  const at = async (d: string) => {
    const q = `_dmarc.${d}`;
    queried.push(q);
    const got = await lookup(q);
    return {
      records: got.texts.filter(isDmarcRecord),
      ignored: got.texts.filter((t) => !isDmarcRecord(t)),
    };
  };
  const own = await at(name);
  if (own.records.length > 0) return { domain: name, organizationalDomain: org, queried, source: 'domain', policyDomain: name, ...own };
  // §6.6.3 step 3: only an empty set falls back; several records at the domain end discovery.
  if (org !== name) {
    const parent = await at(org);
    if (parent.records.length > 0) {
      return { domain: name, organizationalDomain: org, queried, source: 'organizational', policyDomain: org, ...parent };
    }
  }
  return { domain: name, organizationalDomain: org, queried, source: 'none', records: [], ignored: own.ignored };
}

/** One report destination and whether it may receive this domain's reports. */
export interface ReportDestination {
  tag: 'rua' | 'ruf';
  uri: string;
  host?: string;
  /** Outside the policy domain's organizational domain: needs an authorisation record. */
  external: boolean;
  /** The authorisation record's name, for external destinations. */
  query?: string;
  /** For external destinations: whether the authorisation record was found. */
  authorised?: boolean;
  /** The look-up failed (DNS trouble): authorisation unknown. */
  error?: string;
}

/**
 * Checks every `rua`/`ruf` destination of `record`, published for `policyDomain` (§7.1).
 * DNS trouble on one destination is recorded on it, never thrown: it is a note, not a verdict.
 */
export async function checkReportDestinations(
  policyDomain: string,
  record: Pick<DmarcRecord, 'rua' | 'ruf'>,
  lookup: TxtLookup,
): Promise<ReportDestination[]> {
  const ownOrg = organizationalDomain(policyDomain);
  const all = [
    ...record.rua.map((u) => ({ tag: 'rua' as const, u })),
    ...record.ruf.map((u) => ({ tag: 'ruf' as const, u })),
  ];
  return Promise.all(
    all.map(async ({ tag, u }): Promise<ReportDestination> => {
      const base = { tag, uri: u.uri, host: u.host };
      if (!u.host || organizationalDomain(u.host) === ownOrg) return { ...base, external: false };
      const query = `${policyDomain}._report._dmarc.${u.host}`;
      try {
        const got = await lookup(query);
        return { ...base, external: true, query, authorised: got.texts.some(isDmarcRecord) };
      } catch (err) {
        return { ...base, external: true, query, error: (err as Error).message ?? String(err) };
      }
    }),
  );
}
