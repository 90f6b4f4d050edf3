/** Every built-in rule, specific formats first and the generic assignment rule last. */
import type { SecretRule } from '../types.js';
import { CHAT_MAIL_RULES } from './chat-mail.js';
import { CLOUD_RULES } from './cloud.js';
import { CODE_HOST_RULES } from './code-hosts.js';
import { GENERIC_RULES } from './generic.js';
import { KEY_URL_RULES } from './keys-urls.js';
import { OBSERVABILITY_SAAS_RULES } from './observability-saas.js';
import { PAYMENT_AI_RULES } from './payments-ai.js';
import { REGISTRY_RULES } from './registries.js';

export const BUILTIN_RULES: readonly SecretRule[] = Object.freeze([
  ...CLOUD_RULES,
  ...CODE_HOST_RULES,
  ...CHAT_MAIL_RULES,
  ...PAYMENT_AI_RULES,
  ...REGISTRY_RULES,
  ...OBSERVABILITY_SAAS_RULES,
  ...KEY_URL_RULES,
  ...GENERIC_RULES,
]);
