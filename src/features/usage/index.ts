// What other features may use of usage: the stores.
export { useUsageStore } from './store';
export { useAuthorizedStore } from './authorizedStore';
