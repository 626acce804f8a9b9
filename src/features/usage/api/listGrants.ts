import { apiRequest } from '@/shared/api/client';
import type { GrantEntry } from '../types';

/** 授权我的: who authorizes the logged-in relative, and what the relative used of each. */
export const listGrants = () => apiRequest<GrantEntry[]>('GET', '/api/grants');
