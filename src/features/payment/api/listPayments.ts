import { apiRequest } from '@/shared/api/client';
import type { PaymentView } from '@domain/views';

export const listPayments = () => apiRequest<PaymentView[]>('GET', '/api/payments');
