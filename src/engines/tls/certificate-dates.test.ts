import { describe, expect, it } from 'vitest';
import { at, NOW } from './__fixtures__/certificates.js';
import { certificateDates, expiryThresholds, gradeExpiry, hasValidDates, lifetimeDays } from './certificate-dates.js';

const SECOND = 1000;

describe('certificateDates', () => {
  it.each([
    { name: '60 days left of a 90-day certificate', from: -30, to: 60, daysLeft: 60, lifetime: 90, expired: false, notYetValid: false },
    { name: 'expired 3 days ago', from: -93, to: -3, daysLeft: -3, lifetime: 90, expired: true, notYetValid: false },
    { name: 'half a day left rounds down', from: -10, to: 0.5, daysLeft: 0, lifetime: 11, expired: false, notYetValid: false },
    { name: 'expired half a day ago', from: -10, to: -0.5, daysLeft: -1, lifetime: 10, expired: true, notYetValid: false },
    { name: 'not valid for two more days', from: 2, to: 92, daysLeft: 92, lifetime: 90, expired: false, notYetValid: true },
    { name: 'a 6-day certificate issued yesterday', from: -1, to: 5, daysLeft: 5, lifetime: 6, expired: false, notYetValid: false },
    { name: 'a 398-day certificate with 20 days left', from: -378, to: 20, daysLeft: 20, lifetime: 398, expired: false, notYetValid: false },
  ])('$name', ({ from, to, daysLeft, lifetime, expired, notYetValid }) => {
    const d = certificateDates({ validFrom: at(from), validTo: at(to) }, NOW);
    expect(d).toMatchObject({ daysLeft, lifetimeDays: lifetime, expired, notYetValid, validFrom: at(from).toISOString(), validTo: at(to).toISOString() });
  });

  it('counts the notAfter second itself as valid (RFC 5280 §4.1.2.5)', () => {
    expect(certificateDates({ validFrom: at(-1), validTo: NOW }, NOW).expired).toBe(false);
    expect(certificateDates({ validFrom: at(-1), validTo: new Date(NOW.getTime() - SECOND) }, NOW).expired).toBe(true);
  });

  it('shows unparsable dates instead of throwing', () => {
    const bad = { validFrom: new Date('nonsense'), validTo: at(10) };
    expect(hasValidDates(bad)).toBe(false);
    expect(hasValidDates({ validFrom: at(-1), validTo: at(1) })).toBe(true);
    expect(certificateDates(bad, NOW).validFrom).toBe('invalid date');
  });
});

describe('lifetimeDays', () => {
  it.each([
    { name: "Let's Encrypt: 90 days minus a second", ms: 90 * 86_400_000 - SECOND, days: 90 },
    { name: '160-hour short-lived certificate', ms: 160 * 3_600_000, days: 7 },
    { name: '398 days', ms: 398 * 86_400_000, days: 398 },
    { name: 'inverted dates', ms: -86_400_000, days: 0 },
  ])('$name → $days', ({ ms, days }) => {
    expect(lifetimeDays({ validFrom: NOW, validTo: new Date(NOW.getTime() + ms) })).toBe(days);
  });
});

describe('expiryThresholds', () => {
  it.each([
    { lifetime: 398, t: { blocker: 7, high: 14, medium: 30, scale: 1 } },
    { lifetime: 90, t: { blocker: 7, high: 14, medium: 30, scale: 1 } },
    { lifetime: 45, t: { blocker: 3.5, high: 7, medium: 15, scale: 0.5 } },
    { lifetime: 6, t: { blocker: 0.47, high: 0.93, medium: 2, scale: 0.067 } },
    { lifetime: 0, t: { blocker: 0, high: 0, medium: 0, scale: 0 } },
  ])('$lifetime-day lifetime', ({ lifetime, t }) => {
    expect(expiryThresholds(lifetime)).toEqual(t);
  });
});

describe('gradeExpiry', () => {
  const full = expiryThresholds(90);
  const sixDay = expiryThresholds(6);
  it.each([
    { name: '60 days left', left: 60, t: full, grade: undefined },
    { name: 'exactly 30 days left passes (limits are exclusive)', left: 30, t: full, grade: undefined },
    { name: '29.9 days left', left: 29.9, t: full, grade: 'medium' },
    { name: '20 days left', left: 20, t: full, grade: 'medium' },
    { name: '13 days left', left: 13, t: full, grade: 'high' },
    { name: '6 days left', left: 6, t: full, grade: 'blocker' },
    { name: 'already past', left: -1, t: full, grade: 'blocker' },
    { name: '6-day certificate, 5 days left', left: 5, t: sixDay, grade: undefined },
    { name: '6-day certificate, 1.5 days left', left: 1.5, t: sixDay, grade: 'medium' },
    { name: '6-day certificate, 0.8 days left', left: 0.8, t: sixDay, grade: 'high' },
    { name: '6-day certificate, 0.2 days left', left: 0.2, t: sixDay, grade: 'blocker' },
  ] as const)('$name → $grade', ({ left, t, grade }) => {
    expect(gradeExpiry(left, t)).toBe(grade);
  });
});

describe('certificateDates at one-second resolution', () => {
  it('ignores the milliseconds of the clock (certificate times have none)', () => {
    const later = new Date(NOW.getTime() + 941);
    expect(certificateDates({ validFrom: at(-1), validTo: at(20) }, later).daysLeft).toBe(20);
    expect(certificateDates({ validFrom: at(-93), validTo: at(-3) }, later).daysLeft).toBe(-3);
    expect(certificateDates({ validFrom: at(-1), validTo: NOW }, later).expired).toBe(false);
  });
});
