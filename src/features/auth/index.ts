// What other features may use of auth: the log-in itself.
export { useAuthStore } from './store';
