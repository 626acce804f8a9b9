import { apiRequest } from '@/shared/api/client';
import type { BindingForm } from '@platform/validate';
import type { BindingView } from '@platform/views';

export interface CreateBindingInput extends BindingForm {
  consent: boolean;
  requestId: string;
  signature?: string;
  proofs?: string[];
}

export const createBinding = (input: CreateBindingInput) => apiRequest<BindingView>('POST', '/api/bindings', input);
