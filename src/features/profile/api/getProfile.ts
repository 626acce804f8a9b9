import { apiRequest } from '@/shared/api/client';
import type { RuleProfile } from '@domain/profiles';

export const getProfile = () => apiRequest<RuleProfile & { today: string }>('GET', '/api/profile');
