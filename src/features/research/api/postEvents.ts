import { apiRequest } from '@/shared/api/client';
import type { TrackEvent } from '@/shared/telemetry/track';

export type QueuedEvent = TrackEvent & { seq: number; at: number };

export const postEvents = (sessionId: string, clientId: string, events: QueuedEvent[]) =>
  apiRequest<{ received: number; stored: number }>(
    'POST',
    `/api/research/sessions/${encodeURIComponent(sessionId)}/events`,
    {
      clientId,
      sentAt: Date.now(),
      events,
    },
  );
