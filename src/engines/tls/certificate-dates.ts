/**
 * Certificate dates as the TLS checks, the deployment map and the monitor judge them: days left,
 * lifetime, and the expiry thresholds scaled to the lifetime. Pure: "now" is always passed in,
 * never read from the wall clock, so a fixed clock gives deterministic verdicts.
 */
import type { CertificateInfo } from '../../context/types.js';

/** Milliseconds in one day (certificate validity ignores leap seconds, RFC 5280 §4.1.2.5). */
export const DAY_MS = 86_400_000;

/** A certificate's validity window relative to `now`. */
export interface CertificateDates {
  /** `notBefore`, ISO 8601. */
  validFrom: string;
  /** `notAfter`, ISO 8601. */
  validTo: string;
  /** Whole days until `notAfter`, rounded down (negative once expired: -3 is "expired 3 days ago"). */
  daysLeft: number;
  /** Exact (fractional) days until `notAfter`; thresholds compare against this. */
  exactDaysLeft: number;
  /** `notAfter − notBefore` in whole days, rounded to the nearest day. */
  lifetimeDays: number;
  /** `now` is past `notAfter` (RFC 5280: the certificate is valid up to and including notAfter). */
  expired: boolean;
  /** `now` is before `notBefore`. */
  notYetValid: boolean;
}

type Dated = Pick<CertificateInfo, 'validFrom' | 'validTo'>;

/** Whether both validity dates parsed (a certificate with garbage dates cannot be judged). */
export function hasValidDates(cert: Dated): boolean {
  return !Number.isNaN(cert.validFrom.getTime()) && !Number.isNaN(cert.validTo.getTime());
}

/** Days left, lifetime and validity flags of `cert` at `now`. */
export function certificateDates(cert: Dated, now: Date): CertificateDates {
  // Certificate times have one-second resolution (RFC 5280 §4.1.2.5: YYMMDDHHMMSSZ), so "now" is
  // compared at that resolution: a certificate issued for exactly 20 days from a clock reading of
  // hh:mm:ss.941 has 20 days left, not 19.99999.
  const at = Math.floor(now.getTime() / 1000) * 1000;
  const exactDaysLeft = (cert.validTo.getTime() - at) / DAY_MS;
  return {
    validFrom: isoOrInvalid(cert.validFrom),
    validTo: isoOrInvalid(cert.validTo),
    daysLeft: Math.floor(exactDaysLeft),
    exactDaysLeft,
    lifetimeDays: lifetimeDays(cert),
    expired: at > cert.validTo.getTime(),
    notYetValid: at < cert.validFrom.getTime(),
  };
}

/**
 * Lifetime in whole days, rounded to the nearest day: public CAs end validity one second before
 * the round figure (Let's Encrypt's "90-day" certificates last 90 days minus a second), and
 * a 6⅔-day (160-hour) short-lived certificate reads as 7.
 */
export function lifetimeDays(cert: Dated): number {
  return Math.max(0, Math.round((cert.validTo.getTime() - cert.validFrom.getTime()) / DAY_MS));
}

/** How urgent an expiry is; the names match the result severities they become. */
export type ExpiryGrade = 'blocker' | 'high' | 'medium';

/** Days-left limits below which a certificate is graded blocker / high / medium. */
export interface ExpiryThresholds {
  blocker: number;
  high: number;
  medium: number;
  /** `min(1, lifetimeDays / 90)`: 1 for certificates of 90 days or more. */
  scale: number;
}

/** The limits for certificates of a 90-day lifetime or longer (catalogue: < 7, < 14, < 30 days). */
export const BASE_THRESHOLDS: Readonly<ExpiryThresholds> = Object.freeze({ blocker: 7, high: 14, medium: 30, scale: 1 });

/** Lifetime at and above which the base thresholds apply unscaled. */
export const FULL_SCALE_LIFETIME_DAYS = 90;

/**
 * Thresholds for a certificate of `lifetime` days. Short-lived certificates are renewed on a
 * schedule proportional to their lifetime (ACME clients renew at about two thirds), so a 6-day
 * certificate with 5 days left is healthy while a 398-day one with 20 days left is not.
 * Values are rounded to hundredths of a day so the evidence shows exactly what was applied.
 */
export function expiryThresholds(lifetime: number): ExpiryThresholds {
  const scale = Math.min(1, Math.max(0, lifetime) / FULL_SCALE_LIFETIME_DAYS);
  const at = (days: number) => Math.round(days * scale * 100) / 100;
  return { blocker: at(BASE_THRESHOLDS.blocker), high: at(BASE_THRESHOLDS.high), medium: at(BASE_THRESHOLDS.medium), scale: Math.round(scale * 1000) / 1000 };
}

/**
 * The severity for `exactDaysLeft` under `thresholds`, or undefined when there is time enough.
 * Limits are exclusive (`< 7` is blocker): exactly 30 days left passes.
 */
export function gradeExpiry(exactDaysLeft: number, thresholds: ExpiryThresholds): ExpiryGrade | undefined {
  if (exactDaysLeft < thresholds.blocker) return 'blocker';
  if (exactDaysLeft < thresholds.high) return 'high';
  if (exactDaysLeft < thresholds.medium) return 'medium';
  return undefined;
}

/** Invalid dates (an unparsable certificate field) stay visible in evidence instead of throwing. */
function isoOrInvalid(date: Date): string {
  return Number.isNaN(date.getTime()) ? 'invalid date' : date.toISOString();
}
