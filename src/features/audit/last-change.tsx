/**
 * LastChange lives in components/last-change.tsx: the service and node pages are other
 * features, and a feature never imports another (eslint.config.js). Import it from there.
 */
export { LastChange } from '../../components/last-change';
export type { LastChangeResource } from '../../components/last-change';
