import { apiRequest } from '@/shared/api/client';

export interface ResearchTask {
  id: string;
  label: string;
  /** Shown to the participant before 开始任务. */
  instruction: string;
}

/** Where the session stands (the platform works it out from the log, so a reopened link resumes). */
export interface ResearchProgress {
  attempt: number;
  status: 'not_opened' | 'in_task' | 'between_tasks' | 'done' | 'gave_up' | 'ended';
  currentTask: number | null;
  nextTask: number | null;
  seqPending: number | null;
  susDone: boolean;
}

/** What the app needs to know about the research session it was opened for. */
export interface ResearchSessionInfo {
  id: string;
  personaId: string;
  profileId: string;
  situation: string;
  situationLabel: string;
  tasks?: ResearchTask[];
  progress?: ResearchProgress;
}

export const getSession = (id: string) =>
  apiRequest<ResearchSessionInfo>('GET', `/api/research/sessions/${encodeURIComponent(id)}`);
