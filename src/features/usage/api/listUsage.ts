import { apiRequest } from '@/shared/api/client';
import type { UsageView } from '../types';

/** The authorizer's 共济使用明细, newest first, with the platform's totals for the filter. */
export const listUsage = (filter: { relative: string; month: string }) => {
  const query = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&');
  return apiRequest<UsageView>('GET', `/api/mutual-aid/usage${query ? `?${query}` : ''}`);
};
