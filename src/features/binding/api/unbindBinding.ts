import { apiRequest } from '@/shared/api/client';
import type { BindingView } from '@domain/views';

export const unbindBinding = (id: string) =>
  apiRequest<BindingView>('POST', `/api/bindings/${encodeURIComponent(id)}/unbind`);
