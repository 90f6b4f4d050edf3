/** The edge, admin and CORS checks' view of production lives in core so every area shares it. */
export { productionCanonicalOrigin, productionEnvironments, productionHosts } from '../../core/production.js';
