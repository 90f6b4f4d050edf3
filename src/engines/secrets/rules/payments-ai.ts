/** Payments and commerce (money moves with these) and AI APIs (billed per call). */
import type { SecretRule } from '../types.js';
import { prefixed } from './shapes.js';

export const PAYMENT_AI_RULES: readonly SecretRule[] = [
  {
    id: 'stripe-secret-key',
    description: 'Stripe live secret key',
    keywords: ['sk_live_'],
    regex: prefixed('sk_live_[0-9A-Za-z]{24,247}'),
    minEntropy: 3,
  },
  {
    id: 'stripe-restricted-key',
    description: 'Stripe live restricted key',
    keywords: ['rk_live_'],
    regex: prefixed('rk_live_[0-9A-Za-z]{24,247}'),
    minEntropy: 3,
  },
  {
    id: 'stripe-webhook-secret',
    description: 'Stripe webhook signing secret',
    keywords: ['whsec_'],
    regex: /(?<![\w-])(whsec_[A-Za-z0-9+/]{32,88}={0,2})(?![\w+/=-])/,
    minEntropy: 3.5,
  },
  {
    id: 'square-access-token',
    description: 'Square access token',
    keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
    regex: prefixed('EAAA[A-Za-z0-9_-]{60}|sq0(?:atp|csp)-[0-9A-Za-z_-]{22,43}'),
    minEntropy: 3.5,
  },
  {
    id: 'shopify-token',
    description: 'Shopify admin, custom-app, partner or shared secret token',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    regex: prefixed('shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}'),
  },
  {
    id: 'braintree-access-token',
    description: 'Braintree / PayPal production access token',
    keywords: ['access_token$production$'],
    regex: /(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![0-9a-f])/,
  },
  {
    id: 'openai-api-key',
    description: 'OpenAI API key',
    keywords: ['t3blbkfj'],
    // Every OpenAI key embeds "T3BlbkFJ" (base64 of "OpenAI") between two random halves.
    regex: prefixed('sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74}'),
    minEntropy: 3.5,
  },
  {
    id: 'anthropic-api-key',
    description: 'Anthropic API key',
    keywords: ['sk-ant-'],
    regex: prefixed('sk-ant-(?:api03|admin01)-[A-Za-z0-9_-]{93}AA'),
    minEntropy: 3.5,
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face access token',
    keywords: ['hf_'],
    regex: prefixed('hf_[A-Za-z]{34}'),
    minEntropy: 3.5,
  },
  {
    id: 'groq-api-key',
    description: 'Groq API key',
    keywords: ['gsk_'],
    regex: prefixed('gsk_[A-Za-z0-9]{52}'),
    minEntropy: 3.5,
  },
  {
    id: 'replicate-api-token',
    description: 'Replicate API token',
    keywords: ['r8_'],
    regex: prefixed('r8_[A-Za-z0-9]{37}'),
    minEntropy: 3.5,
  },
  {
    id: 'perplexity-api-key',
    description: 'Perplexity API key',
    keywords: ['pplx-'],
    regex: prefixed('pplx-[A-Za-z0-9]{48}'),
    minEntropy: 3.5,
  },
  {
    id: 'xai-api-key',
    description: 'xAI API key',
    keywords: ['xai-'],
    regex: prefixed('xai-[A-Za-z0-9]{80}'),
    minEntropy: 3.5,
  },
];
