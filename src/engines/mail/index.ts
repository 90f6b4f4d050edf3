/** Mail-domain DNS engines: tag lists, MX and null MX, MTA-STS, TLS-RPT. Pure functions only. */
export * from './tag-list.js';
export * from './mx.js';
export * from './mta-sts.js';
export * from './tls-rpt.js';
export * from './txt-lookup.js';
