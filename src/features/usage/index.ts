// What other features may use of usage: the stores, for a demo reset and the tour.
export { useUsageStore } from './store';
export { useGrantsStore } from './grantsStore';
