import { apiRequest } from '@/shared/api/client';

export const logout = () => apiRequest<{ loggedOut: boolean }>('DELETE', '/api/session');
