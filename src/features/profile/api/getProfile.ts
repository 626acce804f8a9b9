import { apiRequest } from '@/shared/api/client';
import type { RuleProfile } from '@platform/profiles';

export const getProfile = () => apiRequest<RuleProfile & { today: string }>('GET', '/api/profile');
