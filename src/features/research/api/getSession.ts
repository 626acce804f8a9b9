import { apiRequest } from '@/shared/api/client';

/** What the app needs to know about the research session it was opened for. */
export interface ResearchSessionInfo {
  id: string;
  personaId: string;
  profileId: string;
  situation: string;
  situationLabel: string;
}

export const getSession = (id: string) =>
  apiRequest<ResearchSessionInfo>('GET', `/api/research/sessions/${encodeURIComponent(id)}`);
