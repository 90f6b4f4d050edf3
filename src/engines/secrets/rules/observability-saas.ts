/** Observability (error reporting, metrics) and developer SaaS used by a typical product team. */
import type { SecretRule } from '../types.js';
import { assignment, prefixed } from './shapes.js';

export const OBSERVABILITY_SAAS_RULES: readonly SecretRule[] = [
  {
    id: 'sentry-dsn',
    description: 'Sentry DSN',
    keywords: ['sentry'],
    // https://<public key>[:<legacy secret>]@<host containing "sentry">/<project id>
    regex: /https?:\/\/([0-9a-f]{32})(?::[0-9a-f]{32})?@[\w.-]*sentry[\w.-]*(?::\d+)?\/\d+/,
    minEntropy: 3,
  },
  {
    id: 'sentry-auth-token',
    description: 'Sentry organisation or user auth token',
    keywords: ['sntrys_', 'sntryu_'],
    regex: /(?<![\w-])(sntrys_[A-Za-z0-9+/=_]{60,}|sntryu_[a-f0-9]{64})(?![\w+/=-])/,
    minEntropy: 3.5,
  },
  {
    id: 'datadog-api-key',
    description: 'Datadog API key',
    keywords: ['datadog', 'dd_api', 'dd-api', 'ddapi'],
    regex: assignment(String.raw`(?:datadog|\bdd)[\w.-]{0,20}?api[\w.-]{0,5}?key`, '[0-9a-f]{32}'),
    minEntropy: 3,
  },
  {
    id: 'datadog-app-key',
    description: 'Datadog application key',
    keywords: ['datadog', 'dd_app', 'dd-app', 'ddapp'],
    regex: assignment(String.raw`(?:datadog|\bdd)[\w.-]{0,20}?app(?:lication)?[\w.-]{0,5}?key`, '[0-9a-f]{40}'),
    minEntropy: 3,
  },
  {
    id: 'newrelic-user-key',
    description: 'New Relic user API key',
    keywords: ['nrak-'],
    regex: prefixed('NRAK-[A-Z0-9]{27}'),
    minEntropy: 3,
  },
  {
    id: 'newrelic-license-key',
    description: 'New Relic ingest license key',
    keywords: ['nral'],
    regex: prefixed('[a-f0-9]{36}NRAL'),
  },
  {
    id: 'grafana-cloud-token',
    description: 'Grafana Cloud access policy token',
    keywords: ['glc_'],
    regex: /(?<![\w-])(glc_[A-Za-z0-9+/]{32,400}={0,2})(?![\w+/=-])/,
    minEntropy: 3.5,
  },
  {
    id: 'grafana-service-account-token',
    description: 'Grafana service account token',
    keywords: ['glsa_'],
    regex: prefixed('glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}'),
  },
  {
    id: 'linear-api-key',
    description: 'Linear API key',
    keywords: ['lin_api_'],
    regex: prefixed('lin_api_[A-Za-z0-9]{40}'),
  },
  {
    id: 'postman-api-key',
    description: 'Postman API key',
    keywords: ['pmak-'],
    regex: prefixed('PMAK-[a-f0-9]{24}-[a-f0-9]{34}'),
  },
  {
    id: 'databricks-token',
    description: 'Databricks personal access token',
    keywords: ['dapi'],
    regex: prefixed('dapi[a-f0-9]{32}(?:-\\d)?'),
  },
  {
    id: 'supabase-access-token',
    description: 'Supabase personal access token',
    keywords: ['sbp_'],
    regex: prefixed('sbp_[a-f0-9]{40}'),
  },
];
