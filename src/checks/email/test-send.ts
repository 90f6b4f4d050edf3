/**
 * email.test-send: an operational message — what a password reset or an alert would be — handed
 * to the configured SMTP relay (`email.smtp`) is accepted. It goes to `email.smtp.seed_inbox`
 * (else back to the sender address). The relay's answer is the evidence: a 5xx is a finding
 * (operational mail would not go out), transport trouble and 4xx are errors (no verdict).
 */
import { randomUUID } from 'node:crypto';
import { SmtpError } from '../../context/types.js';
import { createCheck } from '../../core/create-check.js';
import type { Evidence } from '../../core/types.js';

/** Header that marks the message, so a seed inbox (or the lab's sink) can find it again. */
export const TEST_HEADER = 'X-Launchready-Test';

/** The relay without credentials: `smtp://relay.example.com:587`. */
export function relayTarget(url: string): string {
  try {
    const u = new URL(url);
    const scheme = u.protocol.replace(/:$/, '');
    return `${scheme}://${u.hostname}:${u.port || (scheme === 'smtps' ? 465 : 587)}`;
  } catch {
    return 'email.smtp.url';
  }
}

/** The test message for a project; `id` goes into the subject and the marker header. */
export function testMessage(project: string, id: string, now: Date, from: string, to: string) {
  return {
    from,
    to,
    subject: `launchready test message for ${project} [${id.slice(0, 8)}]`,
    text: [
      `This is an operational test message sent by launchready at ${now.toISOString()}`,
      `for the project "${project}", through the SMTP relay in launchready.yml (email.smtp).`,
      '',
      'If it reached you, operational mail (password resets, approvals, alerts) can go out.',
      'Check its Authentication-Results header: SPF, DKIM and DMARC should all say "pass".',
      '',
      `Test id: ${id}`,
    ].join('\n'),
    headers: { [TEST_HEADER]: id },
  };
}

/** Classifies a relay's refusal; undefined for infrastructure trouble (reported as an error). */
export function judgeRefusal(err: unknown): { messageId: 'rejected' | 'authRejected'; evidence: Evidence } | undefined {
  if (!(err instanceof SmtpError) || err.code !== 'REJECTED') return undefined;
  const command = err.reply?.command ?? '';
  return {
    messageId: /^AUTH\b/i.test(command) ? 'authRejected' : 'rejected',
    evidence: {
      expected: '250 from the relay for MAIL FROM, RCPT TO and DATA',
      actual: err.reply?.response ?? err.message,
      replyCode: err.reply?.code,
      command,
    },
  };
}

export default createCheck({
  meta: {
    id: 'email.test-send',
    stage: 2,
    title: 'Operational test message accepted by the SMTP relay',
    defaultSeverity: 'high',
    targetKind: 'endpoint',
    needs: ['email'],
    // It sends a real message each run.
    intrusive: true,
  },
  messages: {
    rejected: 'The SMTP relay {{target}} refused the test message: {{actual}}',
    authRejected: 'The SMTP relay {{target}} refused the credentials: {{actual}}',
  },
  remediation: {
    rejected: 'Read the relay\'s reply in the evidence: "relay access denied" means the relay does not accept mail from this client or for this recipient (authenticate, or allow the sender); "sender rejected" means the from address is not verified with the provider (verify the domain or the address).',
    authRejected: 'Fix the user name and password in `email.smtp.url` (`smtp://user:password@host:587`, percent-encode special characters), e.g. an API key for SendGrid/Postmark/SES SMTP, or an app password where the provider requires one.',
  },
  async run(ctx) {
    const smtp = ctx.config.email?.smtp;
    if (!smtp) return ctx.skip(ctx.config.project, 'Not applicable: no SMTP relay configured (email.smtp)');
    const target = relayTarget(smtp.url);
    if (!ctx.smtp) return ctx.skip(target, 'Not applicable: this run has no SMTP sender');
    const firstDomain = ctx.config.email?.domains[0]?.name;
    const from = smtp.from ?? (firstDomain ? `launchready@${firstDomain}` : undefined);
    if (!from) return ctx.skip(target, 'Not applicable: no sender address (set email.smtp.from)');
    const to = smtp.seed_inbox ?? from;
    const id = randomUUID();
    const msg = testMessage(ctx.config.project, id, ctx.clock.now(), from, to);
    const base = { relay: target, from, to, ...(smtp.seed_inbox ? {} : { note: 'no email.smtp.seed_inbox: sent to the sender address' }), testId: id };
    try {
      const res = await ctx.smtp.send({ url: smtp.url, ...msg, signal: ctx.signal });
      if (res.rejected.length > 0 && !res.accepted.length) {
        return ctx.fail({ target, messageId: 'rejected', evidence: { ...base, expected: `${to} accepted`, actual: res.response, rejected: res.rejected } });
      }
      ctx.pass(target, { message: `The relay accepted the test message: ${res.response}`, evidence: { ...base, response: res.response, messageId: res.messageId, accepted: res.accepted } });
    } catch (err) {
      const refusal = judgeRefusal(err);
      if (refusal) return ctx.fail({ target, messageId: refusal.messageId, evidence: { ...base, ...refusal.evidence } });
      ctx.error(target, err, base);
    }
  },
});
