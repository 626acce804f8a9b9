import { apiRequest } from '@/shared/api/client';
import type { BindingForm } from '@domain/validate';
import type { BindingView } from '@domain/views';

export interface CreateBindingInput extends BindingForm {
  consent: boolean;
  requestId: string;
  signature?: string;
  proofs?: string[];
}

export const createBinding = (input: CreateBindingInput) => apiRequest<BindingView>('POST', '/api/bindings', input);
