import { apiRequest } from '@/shared/api/client';
import type { MeView } from '@platform/views';

export const login = (personaId: string) => apiRequest<{ token: string; me: MeView }>('POST', '/api/session', { personaId });
