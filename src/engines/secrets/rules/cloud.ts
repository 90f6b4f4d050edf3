/** Cloud providers and infrastructure tooling. Formats from each vendor's key documentation. */
import type { SecretRule } from '../types.js';
import { assignment, prefixed } from './shapes.js';

export const CLOUD_RULES: readonly SecretRule[] = [
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ID',
    keywords: ['akia', 'asia', 'abia', 'acca'],
    // IAM ids: a 4-letter type prefix and 16 base-32 characters (A-Z, 2-7).
    regex: prefixed('(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}'),
    minEntropy: 3,
  },
  {
    id: 'aws-secret-access-key',
    description: 'AWS secret access key',
    keywords: ['aws'],
    // 40 base-64 characters, only trusted next to a key name that says AWS and secret.
    regex: assignment(String.raw`aws[\w.-]{0,25}?secret`, '[A-Za-z0-9/+]{40}'),
    minEntropy: 4,
  },
  {
    id: 'gcp-service-account-key',
    description: 'Google Cloud service-account key file',
    keywords: ['private_key_id'],
    regex: /["']private_key_id["']\s*:\s*["']([a-f0-9]{40})["']/,
  },
  {
    id: 'gcp-api-key',
    description: 'Google API key',
    keywords: ['aiza'],
    regex: prefixed('AIza[0-9A-Za-z_-]{35}'),
    minEntropy: 3.5,
  },
  {
    id: 'gcp-oauth-client-secret',
    description: 'Google OAuth client secret',
    keywords: ['gocspx-'],
    regex: prefixed('GOCSPX-[A-Za-z0-9_-]{28}'),
  },
  {
    id: 'azure-storage-account-key',
    description: 'Azure storage account key (connection string)',
    keywords: ['accountkey='],
    regex: /AccountKey=([A-Za-z0-9+/]{86}==)/i,
    // Azurite's development account key is published in Microsoft's docs.
    validate: (_s, ctx) => !/devstoreaccount1|UseDevelopmentStorage/i.test(ctx.line),
  },
  {
    id: 'azure-sas-connection-string',
    description: 'Azure Service Bus / Event Hubs / IoT shared access key',
    keywords: ['sharedaccesskey='],
    regex: /SharedAccessKey=([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)/i,
  },
  {
    id: 'azure-ad-client-secret',
    description: 'Azure AD (Entra ID) application client secret',
    keywords: ['q~'],
    // Three characters, a digit, `Q~`, then 31-34 more (Microsoft's current secret format).
    regex: /(?:^|[\\'"\x60\s>=:(,)])([a-zA-Z0-9_~.]{3}\dQ~[a-zA-Z0-9_~.-]{31,34})(?:$|[\\'"\x60\s<),])/,
    minEntropy: 3,
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean personal, OAuth or refresh token',
    keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'],
    regex: prefixed('do[opr]_v1_[a-f0-9]{64}'),
  },
  {
    id: 'heroku-api-key',
    description: 'Heroku API key',
    keywords: ['hrku-'],
    regex: prefixed('HRKU-AA[0-9a-zA-Z_-]{58}'),
  },
  {
    id: 'cloudflare-api-token',
    description: 'Cloudflare API token',
    keywords: ['cloudflare', 'cf_api', 'cf-api'],
    regex: assignment(String.raw`(?:cloudflare|\bcf[_-]api)[\w.-]{0,20}?(?:token|key|secret)`, '[A-Za-z0-9_-]{40}'),
    minEntropy: 3.5,
  },
  {
    id: 'cloudflare-global-api-key',
    description: 'Cloudflare global API key',
    keywords: ['cloudflare', 'cf_api', 'cf-api'],
    regex: assignment(String.raw`(?:cloudflare|\bcf[_-]api)[\w.-]{0,20}?key`, '[a-f0-9]{37}'),
    minEntropy: 3,
  },
  {
    id: 'cloudflare-origin-ca-key',
    description: 'Cloudflare Origin CA key',
    keywords: ['v1.0-'],
    regex: prefixed('v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}'),
  },
  {
    id: 'vault-token',
    description: 'HashiCorp Vault service token',
    keywords: ['hvs.'],
    regex: prefixed('hvs\\.[A-Za-z0-9_-]{90,120}'),
    minEntropy: 3.5,
  },
  {
    id: 'doppler-token',
    description: 'Doppler personal token',
    keywords: ['dp.pt.'],
    regex: prefixed('dp\\.pt\\.[a-zA-Z0-9]{43}'),
  },
  {
    id: 'terraform-cloud-token',
    description: 'Terraform Cloud / Enterprise API token',
    keywords: ['.atlasv1.'],
    regex: prefixed('[a-zA-Z0-9]{14}\\.atlasv1\\.[a-zA-Z0-9_=-]{60,70}'),
  },
  {
    id: 'pulumi-access-token',
    description: 'Pulumi access token',
    keywords: ['pul-'],
    regex: prefixed('pul-[a-f0-9]{40}'),
  },
  {
    id: 'age-secret-key',
    description: 'age encryption secret key',
    keywords: ['age-secret-key-1'],
    // Bech32 alphabet after the human-readable part.
    regex: prefixed('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
  },
];
