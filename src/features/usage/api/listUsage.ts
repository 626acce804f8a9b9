import { apiRequest } from '@/shared/api/client';
import type { UsageEntry } from '../types';

/** The authorizer's 共济 history, newest first: settlements, 退费 and 代缴. */
export const listUsage = () => apiRequest<UsageEntry[]>('GET', '/api/usage');
