import { apiRequest } from '@/shared/api/client';
import type { PersonaView } from '@domain/views';

export const listPersonas = () => apiRequest<PersonaView[]>('GET', '/api/personas');
