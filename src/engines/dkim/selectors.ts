/**
 * Selectors tried when the config declares none: the defaults of widely used mail platforms.
 * Short on purpose (one TXT query each); finding none proves nothing, so it is never a blocker.
 */
export const COMMON_DKIM_SELECTORS: readonly string[] = Object.freeze([
  'default', // cPanel, many hosts
  'google', // Google Workspace
  'selector1', 'selector2', // Microsoft 365
  'k1', 'k2', // Mailchimp / Mandrill
  's1', 's2', // SendGrid and others
  'dkim', 'mail', 'smtp',
  'mxvault', // MXroute / MXVault
  'fm1', // Fastmail
  'protonmail', // Proton Mail
  'zoho', // Zoho Mail
  'mailjet',
  'pm', // Postmark
  'amazonses',
]);

/** The DNS name of a selector's key record (RFC 6376 §3.6.2.1). */
export function selectorName(selector: string, domain: string): string {
  return `${selector}._domainkey.${domain}`;
}
