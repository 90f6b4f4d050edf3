/** Chat, webhooks and mail delivery: anyone holding these can post as the product or read mail. */
import type { SecretRule } from '../types.js';
import { assignment, prefixed } from './shapes.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export const CHAT_MAIL_RULES: readonly SecretRule[] = [
  {
    id: 'slack-bot-token',
    description: 'Slack bot token',
    keywords: ['xoxb-'],
    regex: prefixed('xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}'),
    minEntropy: 3,
  },
  {
    id: 'slack-user-token',
    description: 'Slack user token',
    keywords: ['xoxp-', 'xoxe-'],
    regex: prefixed('xox[pe](?:-[0-9]{10,13}){3}-[A-Za-z0-9]{28,34}'),
    minEntropy: 3,
  },
  {
    id: 'slack-app-token',
    description: 'Slack app-level token',
    keywords: ['xapp-'],
    regex: prefixed('xapp-\\d-[A-Z0-9]{9,12}-\\d{10,14}-[a-f0-9]{64}'),
  },
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming webhook URL',
    keywords: ['hooks.slack.com'],
    // The last path segment is the capability; the team and channel ids before it are not secret.
    regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{6,12}\/[AB][A-Z0-9]{6,12}\/([A-Za-z0-9]{20,32})(?![A-Za-z0-9])/,
    minEntropy: 3,
  },
  {
    id: 'discord-webhook-url',
    description: 'Discord webhook URL',
    keywords: ['discord'],
    regex: /discord(?:app)?\.com\/api\/webhooks\/\d{17,20}\/([A-Za-z0-9_-]{60,68})(?![A-Za-z0-9_-])/,
    minEntropy: 3.5,
  },
  {
    id: 'teams-webhook-url',
    description: 'Microsoft Teams incoming webhook URL',
    keywords: ['webhook.office.com'],
    regex: new RegExp(
      String.raw`\.webhook\.office\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/([0-9a-f]{32})/${UUID}`,
    ),
  },
  {
    id: 'teams-workflow-url',
    description: 'Microsoft Teams / Power Automate workflow trigger URL',
    keywords: ['logic.azure.com'],
    // The `sig` query parameter signs the trigger; without it the URL is useless.
    regex: /logic\.azure\.com(?::443)?\/workflows\/[0-9a-f]{32}\/triggers\/[^\s"'?]+\?[^\s"']*?\bsig=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot token',
    keywords: [':aa'],
    regex: /(?<![\w:])(\d{8,10}:AA[0-9A-Za-z_-]{33})(?![\w-])/,
    minEntropy: 3.5,
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API key',
    keywords: ['sg.'],
    regex: prefixed('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'),
    minEntropy: 4,
  },
  {
    id: 'mailgun-api-key',
    description: 'Mailgun API key (legacy `key-` format)',
    keywords: ['key-'],
    regex: prefixed('key-[0-9a-f]{32}'),
    minEntropy: 3,
  },
  {
    id: 'mailgun-private-key',
    description: 'Mailgun private API key',
    keywords: ['mailgun'],
    regex: assignment('mailgun', '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'),
    minEntropy: 3,
  },
  {
    id: 'postmark-server-token',
    description: 'Postmark server or account token',
    keywords: ['postmark'],
    regex: assignment('postmark', UUID),
    minEntropy: 3,
  },
  {
    id: 'twilio-api-key',
    description: 'Twilio API key SID with its context',
    keywords: ['twilio'],
    regex: assignment('twilio', 'SK[0-9a-fA-F]{32}'),
    minEntropy: 3,
  },
  {
    id: 'twilio-auth-token',
    description: 'Twilio auth token',
    keywords: ['twilio'],
    regex: assignment(String.raw`twilio[\w.-]{0,20}?(?:auth|token|secret)`, '[0-9a-f]{32}'),
    minEntropy: 3,
  },
];
