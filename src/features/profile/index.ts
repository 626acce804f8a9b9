// What other features may use of profile: the rule profile in force and the platform's today.
export { useProfileStore } from './store';
