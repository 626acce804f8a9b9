import { apiRequest } from '@/shared/api/client';
import type { PaymentView } from '@platform/views';

export const listPayments = () => apiRequest<PaymentView[]>('GET', '/api/payments');
