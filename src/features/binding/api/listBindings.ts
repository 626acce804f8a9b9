import { apiRequest } from '@/shared/api/client';
import type { BindingView } from '@platform/views';

export const listBindings = () => apiRequest<BindingView[]>('GET', '/api/bindings');
