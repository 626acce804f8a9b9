import { apiRequest } from '@/shared/api/client';
import type { MeView } from '@platform/views';

export const getMe = () => apiRequest<MeView>('GET', '/api/me');
