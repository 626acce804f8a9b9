import { apiRequest } from '@/shared/api/client';

export const resetPlatform = () => apiRequest<{ reset: true; today: string }>('POST', '/api/admin/reset');
