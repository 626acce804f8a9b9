import { apiRequest } from '@/shared/api/client';
import type { BindingView } from '@domain/views';

export const listBindings = () => apiRequest<BindingView[]>('GET', '/api/bindings');
