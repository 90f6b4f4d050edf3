/** Results, traces and options of the SPF engine. */
import type { DnsClient } from '../../context/types.js';
import type { Qualifier } from './parse.js';

/** RFC 7208 §2.6 results. */
export type SpfResultCode = 'pass' | 'fail' | 'softfail' | 'neutral' | 'none' | 'temperror' | 'permerror';

/** Why an evaluation ended in permerror or temperror (stable codes for evidence and tests). */
export type SpfErrorCode =
  | 'syntax'             // a term does not parse (RFC 7208 §4.6)
  | 'multiple-records'   // more than one v=spf1 record (§4.5)
  | 'lookup-limit'       // more than 10 DNS-querying terms (§4.6.4)
  | 'void-limit'         // more than 2 void look-ups (§4.6.4)
  | 'mx-limit'           // more than 10 MX names for one mx mechanism (§4.6.4)
  | 'include-none'       // include target without an SPF record (§5.2)
  | 'redirect-none'      // redirect target without an SPF record (§6.1)
  | 'invalid-target'     // include/redirect target not a valid domain name after expansion
  | 'loop'               // include or redirect back into a domain being evaluated
  | 'dns'                // timeout, SERVFAIL or another resolver failure (temperror, §4.4, §5)
  | 'deadline';          // the whole evaluation took longer than allowed (§4.6.4: ≥ 20 s)

export interface SpfProblem {
  code: SpfErrorCode;
  message: string;
  /** The domain whose record holds the offending term. */
  domain: string;
  /** The term as written, and its offsets inside that domain's record. */
  term?: string;
  start?: number;
  end?: number;
}

/** How a record was reached, with the look-ups it cost (its nested includes counted in). */
export interface SpfTraceNode {
  domain: string;
  via: 'check' | 'include' | 'redirect';
  /** The term that led here (`include:_spf.example.net`); absent at the root. */
  term?: string;
  /** The selected record, when one was found. */
  record?: string;
  /** DNS-querying terms evaluated inside this record, nested records included. */
  lookups: number;
  /** Void look-ups (NXDOMAIN or no answer) caused inside this record, nested included. */
  voidLookups: number;
  /** The record's own outcome; absent when evaluation stopped inside it with an error. */
  result?: SpfResultCode;
  /** The `all` qualifier that ended the record, when it had one that was reached. */
  all?: Qualifier;
  children: SpfTraceNode[];
}

/** The mechanism that decided the result, in the record where it matched. */
export interface SpfMatch {
  domain: string;
  term: string;
  start: number;
  end: number;
}

export interface SpfResult {
  result: SpfResultCode;
  /** For `fail`: the expanded `exp=` text, else the default explanation (when one was given). */
  explanation?: string;
  /** DNS-querying terms evaluated (the one that broke the limit included). */
  lookups: number;
  voidLookups: number;
  mechanism?: SpfMatch;
  /** For permerror/temperror: why. */
  problem?: SpfProblem;
  trace: SpfTraceNode;
}

/** One SMTP session to judge (RFC 7208 §4.1). */
export interface SpfSession {
  /** The connecting client's address (IPv4, IPv6 or IPv4-mapped IPv6). */
  ip: string;
  /** MAIL FROM address; empty for the null reverse-path (then HELO is checked, §2.4). */
  mailFrom: string;
  /** HELO/EHLO name. */
  helo: string;
}

export interface SpfOptions {
  dns: DnsClient;
  signal?: AbortSignal;
  /** Whole-evaluation bound (RFC 7208 §4.6.4: "SHOULD allow at least 20 seconds"); default 20 000. */
  deadlineMs?: number;
  /** Explanation given for `fail` when the record has no usable `exp=` (default none). */
  defaultExplanation?: string;
  /** `%{r}`: the checking host's name (default "unknown", §7.3). */
  receiver?: string;
  /** `%{t}` clock (default the system clock). */
  now?: () => Date;
  /** Limits of RFC 7208 §4.6.4 (defaults 10 and 2); exposed for tests, not for loosening. */
  lookupLimit?: number;
  voidLookupLimit?: number;
}
