import { apiRequest } from '@/shared/api/client';
import type { MeView } from '@domain/views';

export const login = (personaId: string) =>
  apiRequest<{ token: string; me: MeView }>('POST', '/api/session', { personaId });
