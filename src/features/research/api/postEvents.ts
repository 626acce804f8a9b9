import { apiRequest } from '@/shared/api/client';
import type { ClientEvent } from '@domain/researchEvents';

export const postEvents = (sessionId: string, clientId: string, events: ClientEvent[]) =>
  apiRequest<{ received: number; stored: number }>(
    'POST',
    `/api/research/sessions/${encodeURIComponent(sessionId)}/events`,
    {
      clientId,
      sentAt: Date.now(),
      events,
    },
  );
