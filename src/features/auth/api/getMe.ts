import { apiRequest } from '@/shared/api/client';
import type { MeView } from '@domain/views';

export const getMe = () => apiRequest<MeView>('GET', '/api/me');
