import { apiRequest } from '@/shared/api/client';
import type { PaymentView } from '@domain/views';

export const payPremium = (input: { bindingId: string; year: number; requestId: string }) =>
  apiRequest<PaymentView>('POST', '/api/payments', input);
