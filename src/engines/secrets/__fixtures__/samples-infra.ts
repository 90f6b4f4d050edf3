/**
 * `ng` (must fire) and `ok` (must not fire) fixtures for the cloud, code-host and chat/mail rules.
 * Every `ng` value is generated at test time; `ok` values are placeholders, documented examples
 * and near misses, none of them a credential.
 */
import { Rand } from './random.js';

export interface RuleSamples {
  /** Texts in which the rule must find exactly one secret (and no other rule any). */
  ng: (r: Rand) => string[];
  /** Texts in which no rule may find anything. */
  ok: string[];
}

const GITHUB_DOCS_EXAMPLE = ['16C7e42F292c6912', 'E7710c838347Ae178B4a'].join('');
const x = (n: number) => 'x'.repeat(n);

export const INFRA_SAMPLES: Record<string, RuleSamples> = {
  'aws-access-key-id': {
    ng: (r) => [`AWS_ACCESS_KEY_ID=${'AKIA'}${r.chars(16, 'base32')}`, `"accessKeyId": "${'ASIA'}${r.chars(16, 'base32')}"`],
    ok: ['aws_access_key_id = AKIAIOSFODNN7EXAMPLE', `key: ${'AKIA'}${'X'.repeat(16)}`, 'arn:aws:iam::123456789012:user/akia-admin'],
  },
  'aws-secret-access-key': {
    ng: (r) => [`aws_secret_access_key = ${r.chars(40, 'base64')}`, `AWS_SECRET_ACCESS_KEY: "${r.chars(40, 'base64')}"`],
    ok: ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}', 'aws_secret_access_key = <your-secret-key>'],
  },
  'gcp-service-account-key': {
    ng: (r) => [`  "private_key_id": "${r.hex(40)}",`],
    ok: ['  "private_key_id": "your-private-key-id",', `  "client_id": "${'1'.repeat(21)}",`],
  },
  'gcp-api-key': {
    ng: (r) => [`GOOGLE_MAPS_KEY=${'AIza'}${r.chars(35, 'base64url')}`],
    ok: [`apiKey: "${'AIza'}${'X'.repeat(35)}"`, 'apiKey: "AIza-your-key"'],
  },
  'gcp-oauth-client-secret': {
    ng: (r) => [`client_secret: ${'GOCSPX-'}${r.chars(28, 'base64url')}`],
    ok: [`client_secret: ${'GOCSPX-'}${x(28)}`],
  },
  'azure-storage-account-key': {
    ng: (r) => [`DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${r.chars(86, 'base64')}==;EndpointSuffix=core.windows.net`],
    ok: [`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${'Eby8'}${'A'.repeat(82)}==;`, 'AccountKey=<account-key>'],
  },
  'azure-sas-connection-string': {
    ng: (r) => [`Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${r.chars(42, 'base64')}${r.pick(['A', 'Q', 'g', 'w'])}=`],
    ok: ['Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>'],
  },
  'azure-ad-client-secret': {
    ng: (r) => [`AZURE_CLIENT_SECRET="${r.alnum(3)}${r.int(0, 9)}Q~${r.chars(34, 'alnum')}"`],
    ok: ['AZURE_CLIENT_SECRET="abc1Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'value = "~Q~"'],
  },
  'digitalocean-token': {
    ng: (r) => [`DIGITALOCEAN_TOKEN=${'dop_v1_'}${r.hex(64)}`],
    ok: [`DIGITALOCEAN_TOKEN=${'dop_v1_'}${'0'.repeat(64)}`],
  },
  'heroku-api-key': {
    ng: (r) => [`HEROKU_API_KEY=${'HRKU-AA'}${r.chars(58, 'base64url')}`],
    ok: ['HEROKU_API_KEY=HRKU-your-key'],
  },
  'cloudflare-api-token': {
    ng: (r) => [`CLOUDFLARE_API_TOKEN=${r.chars(40, 'base64url')}`],
    ok: ['CLOUDFLARE_API_TOKEN=${{ secrets.CLOUDFLARE_API_TOKEN }}', `cloudflare_token: "${x(40)}"`],
  },
  'cloudflare-global-api-key': {
    ng: (r) => [`CLOUDFLARE_API_KEY=${r.hex(37)}`],
    ok: [`CLOUDFLARE_API_KEY=${'0'.repeat(37)}`],
  },
  'cloudflare-origin-ca-key': {
    ng: (r) => [`CF_ORIGIN_CA_KEY=v1.0-${r.hex(24)}-${r.hex(146)}`],
    ok: ['version: v1.0-beta'],
  },
  'vault-token': {
    ng: (r) => [`VAULT_TOKEN=${'hvs.'}${r.chars(91, 'base64url')}`],
    ok: ['VAULT_TOKEN=hvs.example', 'vault token: hvs.<token>'],
  },
  'doppler-token': {
    ng: (r) => [`DOPPLER_TOKEN=${'dp.pt.'}${r.alnum(43)}`],
    ok: ['DOPPLER_TOKEN=dp.pt.xxxx'],
  },
  'terraform-cloud-token': {
    ng: (r) => [`token = "${r.alnum(14)}.atlasv1.${r.chars(67, 'alnum')}"`],
    ok: ['token = "xxxxxxxxxxxxxx.atlasv1.xxxx"'],
  },
  'pulumi-access-token': {
    ng: (r) => [`PULUMI_ACCESS_TOKEN=${'pul-'}${r.hex(40)}`],
    ok: ['PULUMI_ACCESS_TOKEN=pul-<token>'],
  },
  'age-secret-key': {
    ng: (r) => [`${'AGE-SECRET-KEY-1'}${r.chars(58, 'bech32')}`],
    ok: ['# age public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p'],
  },
  'github-pat': {
    ng: (r) => [`GITHUB_TOKEN=${'ghp_'}${r.alnum(36)}`, `token: '${'ghp_'}${r.alnum(36)}'`],
    ok: [`GITHUB_TOKEN=${'ghp_'}${x(36)}`, `token: ${'ghp_'}${GITHUB_DOCS_EXAMPLE}`, 'GITHUB_TOKEN=ghp_yourtoken'],
  },
  'github-fine-grained-pat': {
    ng: (r) => [`GH_TOKEN=${'github_pat_'}${r.alnum(22)}_${r.alnum(59)}`],
    ok: ['GH_TOKEN=github_pat_...'],
  },
  'github-oauth-token': {
    ng: (r) => [`access_token=${'gho_'}${r.alnum(36)}`],
    ok: [`"Valid": ["${'gho_'}${GITHUB_DOCS_EXAMPLE}"]`],
  },
  'github-app-token': {
    ng: (r) => [`installation: ${'ghs_'}${r.alnum(36)}`, `user: ${'ghu_'}${r.alnum(36)}`],
    ok: [`installation: ${'ghs_'}${'A'.repeat(36)}`],
  },
  'github-refresh-token': {
    ng: (r) => [`refresh=${'ghr_'}${r.alnum(76)}`],
    ok: ['refresh=ghr_<refresh-token>'],
  },
  'gitlab-pat': {
    ng: (r) => [`GITLAB_TOKEN=${'glpat-'}${r.chars(20, 'base64url')}`],
    ok: [`GITLAB_TOKEN=${'glpat-'}${x(20)}`],
  },
  'gitlab-pipeline-trigger-token': {
    ng: (r) => [`TRIGGER=${'glptt-'}${r.hex(40)}`],
    ok: ['TRIGGER=glptt-<token>'],
  },
  'gitlab-runner-token': {
    ng: (r) => [`token = "${'glrt-'}${r.chars(20, 'base64url')}"`],
    ok: ['token = "glrt-REDACTED"'],
  },
  'gitlab-deploy-token': {
    ng: (r) => [`DEPLOY_TOKEN=${'gldt-'}${r.chars(20, 'base64url')}`],
    ok: ['DEPLOY_TOKEN=gldt-changeme'],
  },
  'bitbucket-app-password': {
    ng: (r) => [`BITBUCKET_APP_PASSWORD=${'ATBB'}${r.alnum(32)}`],
    ok: [`BITBUCKET_APP_PASSWORD=${'ATBB'}${x(32)}`],
  },
  'slack-bot-token': {
    ng: (r) => [`SLACK_BOT_TOKEN=${'xoxb-'}${r.chars(12, 'digits')}-${r.chars(13, 'digits')}-${r.alnum(24)}`],
    ok: ['SLACK_BOT_TOKEN=xoxb-your-token', `SLACK_BOT_TOKEN=${'xoxb-'}123456789012-1234567890123-${x(24)}`],
  },
  'slack-user-token': {
    ng: (r) => [`SLACK_USER_TOKEN=${'xoxp-'}${r.chars(12, 'digits')}-${r.chars(12, 'digits')}-${r.chars(13, 'digits')}-${r.alnum(32)}`],
    ok: ['SLACK_USER_TOKEN=xoxp-<token>'],
  },
  'slack-app-token': {
    ng: (r) => [`SLACK_APP_TOKEN=${'xapp-'}1-${r.chars(11, 'upperAlnum')}-${r.chars(13, 'digits')}-${r.hex(64)}`],
    ok: ['SLACK_APP_TOKEN=xapp-1-XXXXXXXXXXX'],
  },
  'slack-webhook-url': {
    ng: (r) => [`SLACK_WEBHOOK=https://${'hooks.slack.com'}/services/T${r.chars(9, 'upperAlnum')}/B${r.chars(11, 'upperAlnum')}/${r.alnum(24)}`],
    ok: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'See https://api.slack.com/messaging/webhooks'],
  },
  'discord-webhook-url': {
    ng: (r) => [`DISCORD_WEBHOOK=https://discord.com/api/webhooks/${r.chars(18, 'digits')}/${r.chars(68, 'base64url')}`],
    ok: ['https://discord.com/api/webhooks/{webhook.id}/{webhook.token}'],
  },
  'teams-webhook-url': {
    ng: (r) => [`TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/${r.uuid()}@${r.uuid()}/IncomingWebhook/${r.hex(32)}/${r.uuid()}`],
    ok: ['TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/<id>'],
  },
  'teams-workflow-url': {
    ng: (r) => [`url: https://prod-12.westus.logic.azure.com:443/workflows/${r.hex(32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${r.chars(43, 'base64url')}`],
    ok: ['url: https://prod-12.westus.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?sig=<sig>'],
  },
  'telegram-bot-token': {
    ng: (r) => [`TELEGRAM_BOT_TOKEN=${r.int(1, 9)}${r.chars(9, 'digits')}:AA${r.chars(33, 'base64url')}`],
    ok: ['TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'time 12:34:AA'],
  },
  'sendgrid-api-key': {
    ng: (r) => [`SENDGRID_API_KEY=${'SG.'}${r.chars(22, 'base64url')}.${r.chars(43, 'base64url')}`],
    ok: ['SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'const msg = sg.send(message);'],
  },
  'mailgun-api-key': {
    ng: (r) => [`MAILGUN_KEY=${'key-'}${r.hex(32)}`],
    ok: [`MAILGUN_KEY=${'key-'}${'0'.repeat(32)}`, 'primary-key-rotation: weekly'],
  },
  'mailgun-private-key': {
    ng: (r) => [`MAILGUN_API_KEY=${r.hex(32)}-${r.hex(8)}-${r.hex(8)}`],
    ok: ['MAILGUN_API_KEY=your-mailgun-key'],
  },
  'postmark-server-token': {
    ng: (r) => [`POSTMARK_SERVER_TOKEN=${r.uuid()}`, `X-Postmark-Server-Token: ${r.uuid()}`],
    ok: ['POSTMARK_SERVER_TOKEN=POSTMARK_API_TEST', 'POSTMARK_SERVER_TOKEN=00000000-0000-0000-0000-000000000000'],
  },
  'twilio-api-key': {
    ng: (r) => [`TWILIO_API_KEY=${'SK'}${r.hex(32)}`],
    ok: [`TWILIO_API_KEY=${'SK'}${x(32)}`],
  },
  'twilio-auth-token': {
    ng: (r) => [`TWILIO_AUTH_TOKEN=${r.hex(32)}`],
    ok: ['TWILIO_AUTH_TOKEN=your_auth_token'],
  },
};
