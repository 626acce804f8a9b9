import { apiRequest } from '@/shared/api/client';
import type { AuthorizedMeView } from '../types';

/** 授权我的: who authorizes the logged-in relative, and what the relative used of each. */
export const getAuthorizedMe = () => apiRequest<AuthorizedMeView>('GET', '/api/mutual-aid/authorizations');
